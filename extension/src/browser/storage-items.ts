import type { Me } from '@clipdm/shared';
import { storage } from 'wxt/utils/storage';

/** The signed-in account and its tokens. `accessExpiresAt` is epoch milliseconds. */
export interface Session {
  me: Me;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
}

/** A message waiting to reach the worker. The same `clientId` is reused on every retry, so it is sent once. */
export interface OutboxItem {
  clientId: string;
  conversationId: string;
  text?: string;
  videoUrl?: string;
  /** The id of the message this one replies to. */
  replyTo?: string;
  createdAt: string;
  status: 'pending' | 'failed';
  errorCode?: string;
}

/** A video the content script asked to share; the panel offers "Send this video to…". */
export interface PendingShare {
  url: string;
  at: number;
}

/** A conversation the panel should open: with a person (`handle`) or by id (from a notification). */
export interface PendingOpen {
  handle?: string;
  conversationId?: string;
  at: number;
}

export const sessionItem = storage.defineItem<Session | null>('local:session', { fallback: null });
export const outboxItem = storage.defineItem<OutboxItem[]>('local:outbox', { fallback: [] });
/** Epoch ms before which the outbox sends nothing: when the worker last asked it to wait (`Retry-After`). */
export const outboxNotBeforeItem = storage.defineItem<number>('local:outboxNotBefore', { fallback: 0 });
export const draftsItem = storage.defineItem<Record<string, string>>('local:drafts', { fallback: {} });
export const pendingShareItem = storage.defineItem<PendingShare | null>('local:pendingShare', {
  fallback: null,
});
export const pendingOpenItem = storage.defineItem<PendingOpen | null>('local:pendingOpen', {
  fallback: null,
});
/** Last message id seen per conversation, so the background notifies about each message once. */
export const notifiedItem = storage.defineItem<Record<string, string>>('local:notified', { fallback: {} });
