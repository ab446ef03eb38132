import type { StreamEvent } from '@clipdm/shared';
import { api } from '../api/client.ts';
import { setBadge } from '../background/badge.ts';
import { notifyMessage } from '../background/notifications.ts';
import { sessionItem } from '../browser/storage-items.ts';
import { flushOutbox } from '../outbox/outbox.ts';
import { openStream } from './stream.ts';

let closeStream: (() => void) | null = null;
let streamOpen = false;

async function myId(): Promise<string | null> {
  return (await sessionItem.getValue())?.me.id ?? null;
}

async function refreshBadge(): Promise<void> {
  await setBadge(await api.unread());
}

async function onEvent(event: StreamEvent): Promise<void> {
  if (event.type === 'unread') {
    await setBadge(event);
  } else if (event.type === 'message') {
    const me = await myId();
    if (!me || event.message.sender.id === me) return;
    await notifyMessage(await api.getConversation(event.message.conversationId), event.message, me);
  }
}

/**
 * The fallback when the live stream is down, run by the alarm every minute: badge counts, and a
 * notification for the newest message of each unread conversation not yet notified.
 */
export async function poll(): Promise<void> {
  const me = await myId();
  if (!me) {
    await setBadge(null);
    return;
  }
  await flushOutbox().catch(() => undefined);
  await refreshBadge();
  if (streamOpen) return;
  for (const box of ['inbox', 'requests'] as const) {
    const page = await api.listConversations(box);
    for (const conversation of page.items) {
      if (conversation.unreadCount > 0 && conversation.lastMessage) {
        await notifyMessage(conversation, conversation.lastMessage, me);
      }
    }
  }
}

/** Reconnects the stream, e.g. after the worker address changed. */
export async function restartStream(): Promise<void> {
  closeStream?.();
  closeStream = null;
  streamOpen = false;
  await syncStreamWithSession();
}

/** Starts the live stream when signed in and stops it when signed out. */
export async function syncStreamWithSession(): Promise<void> {
  const session = await sessionItem.getValue();
  if (session && !closeStream) {
    closeStream = openStream(
      (event) => void onEvent(event).catch(() => undefined),
      (state) => {
        streamOpen = state === 'open';
        if (streamOpen) void refreshBadge().catch(() => undefined);
      },
    );
  } else if (!session && closeStream) {
    closeStream();
    closeStream = null;
    streamOpen = false;
    await setBadge(null);
  }
}
