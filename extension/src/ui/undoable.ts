import type { Conversation } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import { emit } from '../live/panel-events.ts';
import { dismissToast, showToast, UNDO_WINDOW_MS } from './toast.ts';

/**
 * Removals with Undo. The API has no "un-delete" for a declined request, a deleted conversation or a
 * report, so the request to the worker waits out the toast: the conversation is hidden from every list
 * at once, Undo shows it again, and only when the toast is gone is the removal sent. Closing the panel
 * sends what is waiting at once, so nothing the user chose is lost.
 */
const hidden = new Map<string, { commit: () => Promise<unknown>; timer: ReturnType<typeof setTimeout> }>();
/**
 * When each committed removal was sent. Lists may still hold the conversation until their next load,
 * so they keep leaving it out, unless it has had activity since (a direct chat comes back with a new
 * message, as the API says).
 */
const removedAt = new Map<string, number>();
const listeners = new Set<() => void>();

function changed() {
  for (const listener of listeners) listener();
}

async function commit(id: string) {
  const entry = hidden.get(id);
  if (!entry) return;
  clearTimeout(entry.timer);
  removedAt.set(id, Date.now());
  try {
    await entry.commit();
  } catch {
    // Not removed after all: show it again.
    removedAt.delete(id);
  } finally {
    hidden.delete(id);
    changed();
    emit({ type: 'counts-changed' });
  }
}

/** Hides conversation `id` now and sends `commit` after the Undo window; the toast says `text`. */
export function removeWithUndo(
  id: string,
  text: string,
  undoLabel: string,
  send: () => Promise<unknown>,
): void {
  const timer = setTimeout(() => void commit(id), UNDO_WINDOW_MS);
  hidden.set(id, { commit: send, timer });
  changed();
  showToast({
    text,
    action: {
      label: undoLabel,
      run: () => {
        const entry = hidden.get(id);
        if (entry) clearTimeout(entry.timer);
        hidden.delete(id);
        changed();
      },
    },
  });
}

/** Sends every waiting removal now (the panel is closing). */
export function flushRemovals(): void {
  dismissToast();
  for (const id of [...hidden.keys()]) void commit(id);
}

/** Whether a list should leave `conversation` out: removed, or waiting out its Undo window. */
export function useHiddenConversations(): (conversation: Conversation) => boolean {
  const [, render] = useState(0);
  useEffect(() => {
    const listener = () => render((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return (conversation) => {
    if (hidden.has(conversation.id)) return true;
    const at = removedAt.get(conversation.id);
    return at !== undefined && Date.parse(conversation.lastActivityAt) <= at;
  };
}
