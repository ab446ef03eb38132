import type { StreamEvent } from '@clipdm/shared';
import { openStream } from './stream.ts';

/**
 * What the panel's query cache reacts to (`patch-query-cache.ts`): live events, a reconnect (catch up),
 * a poll tick while the stream is down, or this panel having changed what counts as unread (read,
 * accepted, deleted).
 */
export type PanelEvent = StreamEvent | { type: 'resync' } | { type: 'tick' } | { type: 'counts-changed' };

const POLL_MS = 5_000;
const listeners = new Set<(event: PanelEvent) => void>();

/** Delivers an event to every view; also used for messages this panel's outbox just sent. */
export function emit(event: PanelEvent): void {
  for (const listener of listeners) listener(event);
}

/** Subscribes a view to live updates; returns the unsubscribe function. */
export function subscribeLive(listener: (event: PanelEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Opens the panel's live stream. While it is not open, views get a `tick` every few seconds and
 * poll instead, so the panel stays current even where the stream is unavailable.
 */
export function startPanelLive(): () => void {
  let open = false;
  const timer = setInterval(() => {
    if (!open) emit({ type: 'tick' });
  }, POLL_MS);
  const close = openStream(emit, (state) => {
    const wasOpen = open;
    open = state === 'open';
    if (open && !wasOpen) emit({ type: 'resync' });
  });
  return () => {
    clearInterval(timer);
    close();
  };
}
