import { autoUpdate, computePosition, flip, offset, type Placement, shift, size } from '@floating-ui/dom';
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect } from 'preact/hooks';

const EDGE = 8;

/**
 * Keeps a popover next to the button that opened it and inside the panel, through `@floating-ui/dom`:
 * it flips above when there is no room below, shifts in from the left or right edge, and shrinks (then
 * scrolls) when neither side has room. `boundary` narrows "inside": a message menu stays in the message
 * list, never over the composer.
 */
export function useFloating(
  open: boolean,
  reference: RefObject<HTMLElement>,
  floating: RefObject<HTMLElement>,
  placement: Placement,
  boundary?: () => Element | null,
): void {
  useLayoutEffect(() => {
    const anchor = reference.current;
    const popover = floating.current;
    if (!open || !anchor || !popover) return;
    const area = boundary?.() ?? undefined;
    const detect = { padding: EDGE, ...(area ? { boundary: area } : {}) };
    return autoUpdate(anchor, popover, () => {
      void computePosition(anchor, popover, {
        strategy: 'fixed',
        placement,
        middleware: [
          offset(4),
          flip(detect),
          shift(detect),
          size({
            ...detect,
            apply({ availableWidth, availableHeight }) {
              popover.style.maxWidth = `${Math.max(0, availableWidth)}px`;
              popover.style.maxHeight = `${Math.max(0, availableHeight)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        popover.style.left = `${x}px`;
        popover.style.top = `${y}px`;
      });
    });
  }, [open]);
}

/** Calls `onOutside` for a pointer press outside every element of `inside`, while `open`. */
export function useOutsidePress(
  open: boolean,
  inside: RefObject<HTMLElement>[],
  onOutside: () => void,
): void {
  useEffect(() => {
    if (!open) return;
    const listener = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (inside.some((ref) => ref.current?.contains(target))) return;
      onOutside();
    };
    document.addEventListener('pointerdown', listener, true);
    return () => document.removeEventListener('pointerdown', listener, true);
  }, [open]);
}
