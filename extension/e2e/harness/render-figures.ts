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
  /** Panel script start → the inbox request sent: the panel's start-up (storage, first renders). */
  beforeRequestMs: number;
  /** The inbox request's own time (Resource Timing), the part of the first render spent waiting for the worker. */
  inboxRequestMs: number;
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
    const inboxRequest = performance
      .getEntriesByType('resource')
      .find((entry) => /\/v1\/conversations\?box=inbox/.test(entry.name));
    const start = performance.getEntriesByName(marks.panelStart, 'mark')[0]?.startTime ?? Number.NaN;
    return {
      beforeRequestMs: (inboxRequest?.startTime ?? Number.NaN) - start,
      inboxRequestMs: inboxRequest?.duration ?? Number.NaN,
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
    beforeRequestMs: tenth(figures.beforeRequestMs),
    inboxRequestMs: tenth(figures.inboxRequestMs),
  };
}
