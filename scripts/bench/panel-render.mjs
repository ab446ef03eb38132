/**
 * Issue 14's budget "the panel's first render of 100 conversations ≤ 100 ms in Chromium", measured by the
 * bench itself: the extension it just built, in Debian's Chromium (headless, the e2e suite's flags),
 * signed in as the seeded person with 100 conversations, the side panel opened `loads` times at a side
 * panel's size. The figures come from the panel's own `performance` marks
 * (extension/src/features/inbox/render-marks.ts), read as the end-to-end suite reads them.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ChromiumMissing, ensureChromium, extensionArgs } from '../../extension/e2e/harness/chromium.ts';
import { ROOT } from '../../extension/e2e/harness/processes.ts';
import { readRenderFigures } from '../../extension/e2e/harness/render-figures.ts';
import { median } from './stats.mjs';

const PANEL_SIZE = { width: 400, height: 800 };
const MARK_TIMEOUT_MS = 30_000;

/** A real sign-in through the API: the tokens and account the extension keeps in `storage.local`. */
async function signIn(baseUrl, handle, password) {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${handle}: ${response.status} ${await response.text()}`);
  const result = await response.json();
  return {
    me: result.user,
    accessToken: result.accessToken,
    refreshToken: result.refreshToken,
    accessExpiresAt: Date.now() + result.expiresIn * 1000,
  };
}

/**
 * Median figures of `loads` panel openings, each in a new tab of one browser, or `{ skipped }` with the
 * reason when this machine has no Chromium.
 */
export async function measurePanelRender({ baseUrl, handle, password, tempDir, loads = 5 }) {
  let executablePath;
  try {
    executablePath = ensureChromium();
  } catch (error) {
    if (error instanceof ChromiumMissing) return { skipped: error.message };
    throw error;
  }
  // A copy, so a rebuild in the working tree cannot change the extension under the browser.
  const extensionDir = join(tempDir, 'extension');
  cpSync(join(ROOT, 'extension', '.output', 'chrome-mv3'), extensionDir, { recursive: true });
  const profileDir = join(tempDir, 'chromium-profile');
  mkdirSync(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: extensionArgs(extensionDir),
  });
  try {
    const serviceWorker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    // The keys the extension reads: `apiBaseUrl` (src/api/base-url.ts) and `session` (storage-items.ts).
    const stored = { apiBaseUrl: baseUrl, session: await signIn(baseUrl, handle, password) };
    await serviceWorker.evaluate(`chrome.storage.local.set(${JSON.stringify(stored)})`);

    const samples = [];
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      await page.setViewportSize(PANEL_SIZE);
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      samples.push(await readRenderFigures(page, MARK_TIMEOUT_MS));
      await page.close();
    }
    const middle = (key) => median(samples.map((sample) => sample[key]));
    return {
      loads,
      firstRenderMs: middle('firstRenderMs'),
      renderMs: middle('renderMs'),
      sinceNavigationMs: middle('sinceNavigationMs'),
      beforeRequestMs: middle('beforeRequestMs'),
      inboxRequestMs: middle('inboxRequestMs'),
      rows: middle('rows'),
      samples,
    };
  } finally {
    await context.close();
  }
}
