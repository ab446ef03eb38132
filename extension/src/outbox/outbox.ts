import type { Message } from '@clipdm/shared';
import { api } from '../api/client.ts';
import { ApiFailure } from '../api/http.ts';
import { type OutboxItem, outboxItem } from '../browser/storage-items.ts';
import { withLock } from '../browser/web-locks.ts';

/** Errors after which a retry later may succeed; the item stays pending. */
const TRANSIENT = new Set(['offline', 'rate_limited', 'internal', 'unavailable', 'signed_out']);

/** Queues a message in extension storage before anything goes over the network, so nothing is lost. */
export async function enqueue(
  conversationId: string,
  content: ({ text: string } | { videoUrl: string }) & { replyTo?: string },
): Promise<OutboxItem> {
  const item: OutboxItem = {
    clientId: crypto.randomUUID(),
    conversationId,
    ...content,
    createdAt: new Date().toISOString(),
    status: 'pending',
  };
  await outboxItem.setValue([...(await outboxItem.getValue()), item]);
  return item;
}

async function update(clientId: string, change: (item: OutboxItem) => OutboxItem | null): Promise<void> {
  const items = await outboxItem.getValue();
  const next: OutboxItem[] = [];
  for (const item of items) {
    const changed = item.clientId === clientId ? change(item) : item;
    if (changed) next.push(changed);
  }
  await outboxItem.setValue(next);
}

/**
 * Sends every pending item, oldest first, under a lock shared with other panels and the background.
 * A transient failure stops the run (order is kept); a refusal marks the item failed with its code.
 * Returns the messages the worker stored.
 */
export function flushOutbox(): Promise<Message[]> {
  return withLock('clipdm-outbox', async () => {
    const sent: Message[] = [];
    for (const item of await outboxItem.getValue()) {
      if (item.status !== 'pending') continue;
      try {
        const message = await api.sendMessage(item.conversationId, {
          clientId: item.clientId,
          ...(item.videoUrl ? { video: { url: item.videoUrl } } : { text: item.text ?? '' }),
          ...(item.replyTo ? { replyTo: item.replyTo } : {}),
        });
        sent.push(message);
        await update(item.clientId, () => null);
      } catch (error) {
        const code = error instanceof ApiFailure ? error.code : 'internal';
        if (TRANSIENT.has(code)) break;
        await update(item.clientId, (it) => ({ ...it, status: 'failed', errorCode: code }));
      }
    }
    return sent;
  });
}

/** Puts a failed item back in the queue with its original `clientId`. */
export async function retry(clientId: string): Promise<void> {
  await update(clientId, (item) => ({ ...item, status: 'pending', errorCode: undefined }));
}

export async function discard(clientId: string): Promise<void> {
  await update(clientId, () => null);
}
