import { useEffect, useState } from 'preact/hooks';

/** A short note after an action, with at most one action of its own (Undo). */
export interface ToastMessage {
  text: string;
  action?: { label: string; run: () => void };
}

/** How long a toast (and so its Undo) stays. */
export const UNDO_WINDOW_MS = 6000;
let current: (ToastMessage & { id: number }) | null = null;
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function changed() {
  for (const listener of listeners) listener();
}

/** Shows `toast` in place of any earlier one, for a few seconds. */
export function showToast(toast: ToastMessage): void {
  current = { ...toast, id: nextId++ };
  clearTimeout(timer);
  timer = setTimeout(dismissToast, UNDO_WINDOW_MS);
  changed();
}

export function dismissToast(): void {
  current = null;
  clearTimeout(timer);
  changed();
}

/** The toast on screen, if any. */
export function useToast() {
  const [, render] = useState(0);
  useEffect(() => {
    const listener = () => render((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return current;
}
