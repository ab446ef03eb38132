/**
 * `node scripts/screens.mjs`: screenshots of every panel screen, in light and dark, from the built extension
 * against a running worker with the demo world (`PORT=8811 npm start`, then `BASE=http://127.0.0.1:8811`).
 * Writes PNGs into `docs/screens/` and fails (exit 1) when a screen breaks the layout rules a person would
 * notice: visible text under 12 px, a menu or popover leaving the viewport, or a page wider than the panel.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { extensionArgs } from '../extension/e2e/harness/chromium.ts';
// The layout rules, shared with the end-to-end suite (tests/09-screens.spec.ts); Node strips the types.
import {
  layoutProblems,
  PANEL,
  SCHEMES,
  settle,
  siteLayoutProblems,
} from '../extension/e2e/harness/layout-checks.ts';

const BASE = process.env.BASE ?? 'http://127.0.0.1:8787';
/** The fixture video site `npm start` serves beside the worker (its port + 2; + 1 is the sign-in stand-in). */
const SITE = process.env.SITE ?? `http://127.0.0.1:${Number(new URL(BASE).port) + 2}`;
const EXTENSION = resolve('extension/.output/chrome-mv3');
const OUT = resolve('docs/screens');
const PASSWORD = 'clipdm-demo-password';
const failures = [];
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical findings on the page as it is. Evaluated through the DevTools
 * protocol, not a script tag: the extension's CSP refuses inline scripts.
 */
async function axeProblems(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Takes `name` in each colour scheme and checks its layout. */
async function shoot(page, name, schemes = SCHEMES) {
  for (const scheme of schemes) {
    await settle(page, scheme);
    const file = `${name}-${scheme}.png`;
    await page.screenshot({ path: join(OUT, file) });
    const problems = [...(await layoutProblems(page)), ...(await axeProblems(page))];
    for (const problem of problems) failures.push(`${file}: ${problem}`);
    console.log(
      `${problems.length ? '✗' : '✓'} ${file}${problems.length ? ` (${problems.length} problems)` : ''}`,
    );
  }
}

async function launch(lang) {
  const profile = await mkdtemp(join(tmpdir(), 'clipdm-screens-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: PANEL,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang.replace('-', '_')}.UTF-8` },
    args: [...extensionArgs(EXTENSION), `--lang=${lang}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await worker.evaluate((base) => chrome.storage.local.set({ apiBaseUrl: base }), BASE);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(PANEL);
  await page.goto(`chrome-extension://${id}/sidepanel.html`);
  return {
    page,
    worker,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Says "typing" as `handle` in their direct conversation with alice, through the API. */
async function typingAs(handle) {
  const call = async (path, init = {}) => {
    const res = await fetch(`${BASE}/v1${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
    return res.status === 204 ? null : res.json();
  };
  const login = await call('/auth/login', {
    method: 'POST',
    body: JSON.stringify({ handle, password: PASSWORD }),
  });
  const headers = { authorization: `Bearer ${login.accessToken}` };
  const { conversations } = await call('/conversations?box=inbox', { headers });
  const direct = conversations.find(
    (c) => c.kind === 'direct' && c.members.some((m) => m.handle === 'alice'),
  );
  await call(`/conversations/${direct.id}/typing`, { method: 'POST', headers });
}

async function signIn(page, handle) {
  await page.locator('input[autocomplete="username"], input[name="handle"]').first().fill(handle);
  await page.locator('input[type="password"]').first().fill(PASSWORD);
  await page.locator('form button[type="submit"]').first().click();
  await page.getByRole('tablist').waitFor();
  await page.locator('.row').first().waitFor();
}

const back = (page) => page.keyboard.press('Escape');

async function english() {
  const { page, worker, close } = await launch('en-US');
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  try {
    await englishScreens(page, worker);
  } catch (error) {
    await page.screenshot({ path: join(OUT, 'failure.png') });
    throw error;
  } finally {
    await close();
  }
}

async function englishScreens(page, worker) {
  await page.locator('input[type="password"]').waitFor();
  await shoot(page, 'sign-in');
  await signIn(page, 'alice');
  await shoot(page, 'inbox');

  await page.getByRole('button', { name: /^Bob/ }).first().click();
  await page.getByLabel('Message', { exact: true }).waitFor();
  await page.waitForTimeout(500);
  await shoot(page, 'chat');
  // Bob starts typing (through the API, as his own panel would): the typing line shows for a few seconds.
  await typingAs('bob');
  await page.getByText('is typing…').waitFor();
  await shoot(page, 'chat-typing');
  // The last message sits on the composer: its menu must open upwards, inside the list.
  const last = page.locator('.message').last();
  await last.hover();
  await last.getByRole('button', { name: /More/ }).click();
  await shoot(page, 'chat-menu');
  await back(page);
  // An own message, on the right: its menu must not leave by the right edge.
  const own = page.locator('.message.mine').first();
  await own.hover();
  await own.getByRole('button', { name: /More/ }).click();
  await own.page().getByRole('button', { name: 'More emoji' }).click();
  await shoot(page, 'chat-menu-own');
  await back(page);
  await page.getByRole('button', { name: 'Add emoji' }).click();
  await shoot(page, 'chat-emoji');
  await back(page);
  await page.getByRole('button', { name: 'Conversation options' }).click();
  await shoot(page, 'chat-options');
  await back(page);
  await page.waitForTimeout(200);
  await back(page);

  await page
    .getByRole('button', { name: /^Weekend plans/ })
    .first()
    .click();
  await page.getByLabel('Message', { exact: true }).waitFor();
  await page.waitForTimeout(300);
  await shoot(page, 'group');
  await page.getByRole('button', { name: 'Conversation options' }).click();
  await page.getByRole('button', { name: 'Group info' }).click();
  await page.waitForTimeout(300);
  await shoot(page, 'group-details');
  await back(page);
  await page.waitForTimeout(200);
  await back(page);

  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Search people').fill('b');
  await page.waitForTimeout(800);
  await page.getByRole('checkbox').first().check();
  await shoot(page, 'new-group');
  await back(page);

  await page.getByRole('tab', { name: /^Requests/ }).click();
  await page.locator('.row').first().waitFor();
  await shoot(page, 'requests');
  await page.locator('.row').first().click();
  await page.getByLabel('Message', { exact: true }).waitFor();
  await page.waitForTimeout(300);
  await shoot(page, 'request');
  await back(page);

  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.waitForTimeout(500);
  await shoot(page, 'settings');
  await back(page);

  await worker.evaluate(() =>
    chrome.storage.local.set({
      pendingShare: { url: 'https://www.tiktok.com/@carol/video/7300000000000000003', at: Date.now() },
    }),
  );
  await page.waitForTimeout(800);
  await shoot(page, 'share');
  await page.locator('.share-face').first().click();
  await page.locator('.share-face').nth(1).click();
  await page.getByLabel('Add a note (optional)').fill('This one is so good 😍');
  await shoot(page, 'share-chosen');
  await worker.evaluate(() => chrome.storage.local.set({ pendingShare: null }));

  // The video site with the extension's buttons (checked for small text and popovers, not the panel width).
  const site = await page.context().newPage();
  await site.setViewportSize({ width: 1280, height: 800 });
  await site.goto(`${SITE}/@bob`);
  await site.waitForTimeout(1500);
  await shootSite(site, 'site-profile');
  await site.goto(`${SITE}/@alice/video/7300000000000000001`);
  await site.waitForTimeout(1500);
  await shootSite(site, 'site-video');
  await site.close();

  // The worker cannot be reached: what the panel knows is shown, marked as cached, with a way to retry.
  await worker.evaluate(() => chrome.storage.local.set({ apiBaseUrl: 'http://127.0.0.1:9' }));
  await page.reload();
  await page.waitForTimeout(1500);
  await shoot(page, 'inbox-offline');
  await page.getByRole('button', { name: /^Bob/ }).first().click();
  await page
    .getByText(/Saved copy/)
    .first()
    .waitFor();
  await shoot(page, 'chat-offline');
}

/** A page of the video site, light and dark: only the extension's own UI (in shadow roots) is checked. */
async function shootSite(page, name) {
  for (const scheme of SCHEMES) {
    await settle(page, scheme);
    const file = `${name}-${scheme}.png`;
    await page.screenshot({ path: join(OUT, file) });
    const problems = await siteLayoutProblems(page);
    for (const problem of problems) failures.push(`${file}: ${problem}`);
    console.log(`${problems.length ? '✗' : '✓'} ${file}`);
  }
}

async function inboxIn(lang) {
  const { page, close } = await launch(lang);
  await page.locator('input[type="password"]').waitFor();
  await signIn(page, 'alice');
  await shoot(page, `inbox-${lang}`);
  await close();
}

await mkdir(OUT, { recursive: true });
try {
  await english();
} catch (error) {
  console.error(error);
  process.exit(1);
}
for (const lang of ['nl', 'fr', 'it']) await inboxIn(lang);
if (failures.length) {
  console.error(`\n${failures.length} layout problems:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log(`\nAll screens in ${OUT} pass the layout checks.`);
