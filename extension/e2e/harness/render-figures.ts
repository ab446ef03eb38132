import type { Page } from '@playwright/test';
import { RENDER_MARKS } from '../../src/features/inbox/render-marks.ts';

/** The panel's first render as its `performance` marks tell it (`src/features/inbox/render-marks.ts`). */
export interface RenderFigures {
  /** Panel script start → the first rows committed to the DOM, network wait included. */
  firstRenderMs: number;
  /** The inbox's rows alone: their data there → committed. */
  renderMs: number;
  /** Navigation start → the first rows committed: what the page load adds before the script runs. */
  sinceNavigationMs: number;
  /** How many conversations that first render showed. */
  rows: number;
}

/**
 * Waits until the open side panel has marked its first inbox render, and reads the figures. Shared by the
 * end-to-end test and `npm run bench` (a Playwright or playwright-core page alike).
 */
export async function readRenderFigures(panel: Page, timeoutMs: number): Promise<RenderFigures> {
  await panel.waitForFunction(
    (name) => performance.getEntriesByName(name).length > 0,
    RENDER_MARKS.inboxRender,
    {
      timeout: timeoutMs,
    },
  );
  const figures = await panel.evaluate((marks) => {
    const duration = (name: string) =>
      performance.getEntriesByName(name, 'measure')[0]?.duration ?? Number.NaN;
    const rendered = performance.getEntriesByName(marks.inboxRendered, 'mark')[0] as
      | PerformanceMark
      | undefined;
    return {
      firstRenderMs: duration(marks.firstRender),
      renderMs: duration(marks.inboxRender),
      sinceNavigationMs: rendered?.startTime ?? Number.NaN,
      rows: Number((rendered?.detail as { rows?: unknown } | null)?.rows ?? 0),
    };
  }, RENDER_MARKS);
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  return {
    ...figures,
    firstRenderMs: tenth(figures.firstRenderMs),
    renderMs: tenth(figures.renderMs),
    sinceNavigationMs: tenth(figures.sinceNavigationMs),
  };
}
