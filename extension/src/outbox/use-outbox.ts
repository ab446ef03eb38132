import { useEffect, useMemo } from 'preact/hooks';
import { type OutboxItem, outboxItem } from '../browser/storage-items.ts';
import { useStorageValue } from '../browser/use-storage-value.ts';
import { emit } from '../live/panel-events.ts';
import { flushOutbox, RETRY_MS } from './outbox.ts';

/** Sends what is queued and hands each stored message to the open views, like a live event. */
export async function pumpOutbox(): Promise<void> {
  try {
    for (const message of await flushOutbox()) emit({ type: 'message', message });
  } catch {
    // The items stay queued; the next pump tries again.
  }
}

/**
 * Keeps the outbox moving while the panel is open: right away, whenever something is queued,
 * when the browser comes back online, and every few seconds while anything is still pending (a run
 * before the worker's `Retry-After` sends nothing: `flushOutbox` waits it out).
 */
export function useOutboxPump(): void {
  const items = useStorageValue(outboxItem);
  const pending = items?.some((i) => i.status === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    void pumpOutbox();
    const timer = setInterval(() => void pumpOutbox(), RETRY_MS);
    const online = () => void pumpOutbox();
    addEventListener('online', online);
    return () => {
      clearInterval(timer);
      removeEventListener('online', online);
    };
  }, [pending, items?.length]);
}

/** The queued and failed messages of one conversation, oldest first. */
export function useOutbox(conversationId: string): OutboxItem[] {
  const items = useStorageValue(outboxItem);
  return useMemo(
    () => (items ?? []).filter((i) => i.conversationId === conversationId),
    [items, conversationId],
  );
}
