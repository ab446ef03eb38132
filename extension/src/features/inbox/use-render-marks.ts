import { useLayoutEffect } from 'preact/hooks';
import { RENDER_MARKS } from './render-marks.ts';

// Once per page: the inbox remounts when the tabs change, and only the panel's first render counts.
let dataMarked = false;
let renderedMarked = false;

/**
 * Marks the inbox's first render with `rows` conversations (`render-marks.ts`): when that render starts
 * and, after Preact has committed it to the DOM, when it ends, with the two measures of the budget.
 */
export function useRenderMarks(rows: number): void {
  // Marked while rendering, on purpose: this is the moment the rows' render begins.
  if (rows > 0 && !dataMarked) {
    dataMarked = true;
    performance.mark(RENDER_MARKS.inboxData);
  }
  useLayoutEffect(() => {
    if (rows === 0 || renderedMarked) return;
    renderedMarked = true;
    performance.mark(RENDER_MARKS.inboxRendered, { detail: { rows } });
    // Only the panel page sets the start (a component test renders the inbox alone).
    if (performance.getEntriesByName(RENDER_MARKS.panelStart).length > 0)
      performance.measure(RENDER_MARKS.firstRender, RENDER_MARKS.panelStart, RENDER_MARKS.inboxRendered);
    performance.measure(RENDER_MARKS.inboxRender, RENDER_MARKS.inboxData, RENDER_MARKS.inboxRendered);
  }, [rows]);
}
