import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Least time between two scans of the page; the site mutates the DOM constantly while videos play. */
const SCAN_INTERVAL_MS = 400;

/**
 * Calls `scan` once now and again (throttled, never overlapping) whenever the page may have changed:
 * client-side navigation (WXT's `wxt:locationchange`, `popstate`) and lazily rendered content (DOM mutations).
 */
export function watchPage(ctx: ContentScriptContext, scan: () => Promise<void>): void {
  let running = false;
  let again = false;
  let timer: number | null = null;

  const run = async () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await scan();
    } catch {
      // Markup we did not foresee must never break the site; the next change triggers another scan.
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer === null && ctx.isValid) timer = ctx.setTimeout(run, SCAN_INTERVAL_MS);
  };

  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'popstate', schedule);
  ctx.addEventListener(document, 'visibilitychange', schedule);
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  void run();
}
