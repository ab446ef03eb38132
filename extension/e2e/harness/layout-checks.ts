/**
 * The layout rules a person would notice broken, checked on every screenshot of a screen: visible text
 * under 12 px, a menu or popover leaving the viewport, a page wider than the panel. One copy for the
 * suite (`tests/09-screens.spec.ts`) and for `scripts/screens.mjs` (which imports this file through
 * Node's type stripping, so it holds only erasable TypeScript).
 */
import type { Page } from '@playwright/test';

/** The side panel's size for the screenshots. */
export const PANEL = { width: 400, height: 800 };
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];
/**
 * Runs in the page: each broken rule as a line. Self-contained (Playwright sends its source to the page),
 * hence the smallest readable size as a constant inside.
 */
function panelProblems(): string[] {
  const minFontPx = 12;
  const problems: string[] = [];
  const width = window.innerWidth;
  const height = window.innerHeight;
  if (document.documentElement.scrollWidth > width)
    problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px panel`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim()) continue;
    const style = getComputedStyle(el);
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0')
      continue;
    // The visually-hidden pattern (1px clip) is for screen readers, not eyes.
    if (el.closest('.visually-hidden')) continue;
    const size = Number.parseFloat(style.fontSize);
    if (size < minFontPx) problems.push(`"${node.textContent.trim().slice(0, 30)}" is ${size}px`);
  }
  for (const pop of document.querySelectorAll('.menu, [role="menu"], [role="dialog"], .popover, .toast')) {
    const r = pop.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.left < 0 || r.top < 0 || r.right > width || r.bottom > height)
      problems.push(
        `${pop.className || pop.getAttribute('role')} leaves the viewport (${Math.round(r.left)},${Math.round(r.top)})–(${Math.round(r.right)},${Math.round(r.bottom)})`,
      );
  }
  return problems;
}

/**
 * Runs in a page of the video site: only the extension's own UI (in shadow roots) is its business, so
 * only that is checked: its text size, and its menus inside the viewport.
 */
function siteProblems(): string[] {
  const minFontPx = 12;
  const found: string[] = [];
  for (const host of document.querySelectorAll('*')) {
    if (!host.shadowRoot) continue;
    const walker = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.getClientRects().length === 0) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < minFontPx) found.push(`"${node.textContent.trim().slice(0, 30)}" is ${size}px`);
    }
    for (const pop of host.shadowRoot.querySelectorAll('[role="menu"], .menu, .popover')) {
      const r = pop.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight)
        found.push(`${pop.getAttribute('role') ?? pop.className} leaves the viewport`);
    }
  }
  return found;
}

/** The broken layout rules of the panel page as it is. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(panelProblems);
}

/** The broken layout rules of the extension's UI on a page of the video site. */
export function siteLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(siteProblems);
}

/**
 * Puts the page in `scheme` and in a still state for a screenshot: no hover left over from the last
 * click, unless a menu is open (it keeps its own state).
 */
export async function settle(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  // Two frames: the new colours are painted before the screenshot.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
  if (!(await page.locator('.menu').count()))
    await page.mouse.move(0, (page.viewportSize()?.height ?? 1) - 1);
}
