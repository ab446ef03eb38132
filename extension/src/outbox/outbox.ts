import type { Message } from '@clipdm/shared';
import { api } from '../api/client.ts';
import { ApiFailure } from '../api/http.ts';
import { type OutboxItem, outboxItem, outboxNotBeforeItem } from '../browser/storage-items.ts';
import { withLock } from '../browser/web-locks.ts';

/** Errors after which a retry later may succeed; the item stays pending. */
const TRANSIENT = new Set(['offline', 'rate_limited', 'internal', 'unavailable', 'signed_out']);

/** How often an open panel tries again; also the shortest wait a `Retry-After` can set. */
export const RETRY_MS = 4_000;
/** The longest wait a `Retry-After` can set, so a worker asking for hours is still tried now and then. */
export const MAX_WAIT_MS = 5 * 60_000;

/**
 * When the outbox may try again after `error`: the worker's `Retry-After`, no sooner than the panel's
 * usual pace and no later than `MAX_WAIT_MS`. Null when the worker named no time (a lost connection):
 * the usual pace applies.
 */
export function nextAttemptAt(error: unknown, now: number): number | null {
  if (!(error instanceof ApiFailure) || error.retryAfter === undefined) return null;
  return now + Math.min(Math.max(error.retryAfter * 1000, RETRY_MS), MAX_WAIT_MS);
}

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
 * A transient failure stops the run (order is kept), and when it came with `Retry-After` no run sends
 * before then; a refusal marks the item failed with its code. Returns the messages the worker stored.
 */
export function flushOutbox(): Promise<Message[]> {
  return withLock('clipdm-outbox', async () => {
    const sent: Message[] = [];
    // Kept in storage, so the panels and the background all wait as the worker asked; a wait longer
    // than any this sets means the clock was turned back, and is ignored.
    const wait = (await outboxNotBeforeItem.getValue()) - Date.now();
    if (wait > 0 && wait <= MAX_WAIT_MS) return sent;
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
        if (TRANSIENT.has(code)) {
          const notBefore = nextAttemptAt(error, Date.now());
          if (notBefore !== null) await outboxNotBeforeItem.setValue(notBefore);
          break;
        }
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
