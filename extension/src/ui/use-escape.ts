import { useEffect } from 'preact/hooks';

/**
 * Calls `onEscape` when Escape is pressed anywhere in the page, while `active`. An inner layer (a menu,
 * a dialog) passes `inner`: it handles the key first and the outer layers then leave it alone.
 */
export function useEscape(active: boolean, onEscape: () => void, inner = false): void {
  useEffect(() => {
    if (!active) return;
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (inner) event.preventDefault();
      onEscape();
    };
    document.addEventListener('keydown', listener, inner);
    return () => document.removeEventListener('keydown', listener, inner);
  }, [active, onEscape, inner]);
}
