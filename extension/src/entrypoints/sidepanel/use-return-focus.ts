import { useRef } from 'preact/hooks';

/**
 * Focus that survives a view change. The list unmounts while a conversation or form is open, so the
 * element that opened it cannot be kept; its `data-focus-key` can, and the new list's element with the
 * same key gets focus back after Back or Escape (else the list's heading region, never `<body>`).
 */
export function useReturnFocus() {
  const key = useRef<string | null>(null);
  return {
    remember() {
      const active = document.activeElement;
      key.current =
        active instanceof HTMLElement
          ? (active.closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey ?? null)
          : null;
    },
    restore() {
      const wanted = key.current;
      if (!wanted) return;
      key.current = null;
      // After the list has rendered its rows (they may arrive a moment later from the cache).
      requestAnimationFrame(() => {
        const target =
          document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(wanted)}"]`) ??
          document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
        target?.focus();
      });
    },
  };
}
