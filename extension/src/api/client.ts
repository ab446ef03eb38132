import type {
  AuthResult,
  Conversation,
  createConversationBody,
  DmPolicy,
  Me,
  Message,
  registerBody,
  reportBody,
  Settings,
  User,
} from '@clipdm/shared';
import type { z } from 'zod';
import { sessionItem } from '../browser/storage-items.ts';
import { call } from './http.ts';
import { authed, saveAuth } from './session.ts';

/**
 * The typed client of the worker (API.md). Request bodies are typed from the shared zod schemas and
 * answers from the shared types, so a contract change breaks the build. Components call only this.
 * (`hc<AppType>` is not used: the worker's types need the ambient `@cloudflare/workers-types` globals —
 * `D1Database`, `ExecutionContext`… — which do not exist under the DOM lib and clash with it when added.)
 */

export type Box = 'inbox' | 'requests';
export type ReportInput = z.input<typeof reportBody>;
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

const enc = encodeURIComponent;

export const api = {
  /** Whether the worker at the stored address answers (the options page checks it after a save). */
  health: () => call<{ ok: boolean }>('GET', '/health'),
  async register(body: z.input<typeof registerBody>): Promise<Me> {
    return (await saveAuth(await call<AuthResult>('POST', '/auth/register', { body }))).me;
  },
  async login(handle: string, password: string): Promise<Me> {
    return (await saveAuth(await call<AuthResult>('POST', '/auth/login', { body: { handle, password } }))).me;
  },
  /** Ends the login on the server when it can; the local session is cleared either way. */
  async logout(): Promise<void> {
    const session = await sessionItem.getValue();
    await sessionItem.setValue(null);
    if (session) {
      await call('POST', '/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(
        () => undefined,
      );
    }
  },
  me: () => authed<Me>('GET', '/me'),
  async deleteAccount(password: string): Promise<void> {
    await authed<void>('DELETE', '/me', { body: { password } });
    await sessionItem.setValue(null);
  },
  getSettings: () => authed<Settings>('GET', '/me/settings'),
  patchSettings: (patch: { dmPolicy?: DmPolicy; readReceipts?: boolean }) =>
    authed<Settings>('PATCH', '/me/settings', { body: patch }),

  searchUsers: async (q: string) =>
    (await authed<{ users: User[] }>('GET', '/users', { query: { q } })).users,
  getUser: (handle: string) => authed<User>('GET', `/users/${enc(handle)}`),
  follow: (handle: string) => authed<void>('PUT', `/users/${enc(handle)}/follow`),
  unfollow: (handle: string) => authed<void>('DELETE', `/users/${enc(handle)}/follow`),
  block: (handle: string) => authed<void>('PUT', `/users/${enc(handle)}/block`),
  unblock: (handle: string) => authed<void>('DELETE', `/users/${enc(handle)}/block`),
  async listBlocks(cursor?: string): Promise<Page<User>> {
    const page = await authed<{ users: User[]; cursor: string | null }>('GET', '/me/blocks', {
      query: { cursor },
    });
    return { items: page.users, cursor: page.cursor };
  },
  syncContacts: (hashes: string[]) =>
    authed<{ matched: number }>('PUT', '/me/contacts', { body: { hashes } }),
  removeContacts: () => authed<void>('DELETE', '/me/contacts'),
  suggested: async () => (await authed<{ users: User[] }>('GET', '/me/suggested')).users,

  async listConversations(box: Box, cursor?: string): Promise<Page<Conversation>> {
    const page = await authed<{ conversations: Conversation[]; cursor: string | null }>(
      'GET',
      '/conversations',
      {
        query: { box, cursor },
      },
    );
    return { items: page.conversations, cursor: page.cursor };
  },
  unread: () => authed<{ inbox: number; requests: number }>('GET', '/me/unread'),
  createConversation: (body: z.input<typeof createConversationBody>) =>
    authed<Conversation>('POST', '/conversations', { body }),
  getConversation: (id: string) => authed<Conversation>('GET', `/conversations/${enc(id)}`),
  accept: (id: string) => authed<Conversation>('POST', `/conversations/${enc(id)}/accept`),
  decline: (id: string) => authed<void>('POST', `/conversations/${enc(id)}/decline`),
  report: (id: string, body: ReportInput) =>
    authed<{ reportId: string }>('POST', `/conversations/${enc(id)}/report`, { body }),
  markRead: (id: string, seq: number) =>
    authed<void>('POST', `/conversations/${enc(id)}/read`, { body: { seq } }),
  mute: (id: string) => authed<void>('PUT', `/conversations/${enc(id)}/mute`),
  unmute: (id: string) => authed<void>('DELETE', `/conversations/${enc(id)}/mute`),
  leave: (id: string) => authed<void>('POST', `/conversations/${enc(id)}/leave`),
  renameGroup: (id: string, title: string) =>
    authed<Conversation>('PATCH', `/conversations/${enc(id)}`, { body: { title } }),
  addMembers: (id: string, handles: string[]) =>
    authed<Conversation>('POST', `/conversations/${enc(id)}/members`, { body: { handles } }),
  removeMember: (id: string, handle: string) =>
    authed<void>('DELETE', `/conversations/${enc(id)}/members/${enc(handle)}`),

  listMessages: (id: string, page: { before?: number; after?: number; limit?: number } = {}) =>
    authed<{ messages: Message[]; hasMore: boolean }>('GET', `/conversations/${enc(id)}/messages`, {
      query: page,
    }),
  sendMessage: (id: string, body: { clientId: string; text?: string; video?: { url: string } }) =>
    authed<Message>('POST', `/conversations/${enc(id)}/messages`, { body }),
  unsend: (messageId: string) => authed<void>('DELETE', `/messages/${enc(messageId)}`),
  hide: (messageId: string) => authed<void>('POST', `/messages/${enc(messageId)}/hide`),
  react: (messageId: string, emoji: string) =>
    authed<void>('PUT', `/messages/${enc(messageId)}/reaction`, { body: { emoji } }),
  unreact: (messageId: string) => authed<void>('DELETE', `/messages/${enc(messageId)}/reaction`),

  streamTicket: async () => (await authed<{ ticket: string }>('POST', '/stream/ticket')).ticket,
};
