import { type BrowserContext, type ConsoleMessage, chromium, type Page, type Worker } from '@playwright/test';
import { extensionArgs } from './chromium.ts';

const PANEL_SIZE = { width: 420, height: 760 };

/** One person at their own browser: a persistent profile with the unpacked extension loaded. */
export interface Person {
  name: string;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Console errors and uncaught exceptions of the extension's pages and service worker. */
  errors: string[];
  /** Set while a step expects failed requests, which Chromium logs as console errors. */
  allowNetworkErrors: boolean;
}

function watchConsole(person: Person, source: string, message: ConsoleMessage) {
  if (message.type() !== 'error') return;
  const text = message.text();
  // Chromium's own line for a failed or refused request; the steps that cause them say so.
  if (person.allowNetworkErrors && /^Failed to load resource|net::ERR_/.test(text)) return;
  person.errors.push(`[${person.name}] ${source}: ${text}`);
}

function isExtensionUrl(url: string, id: string) {
  return url.startsWith(`chrome-extension://${id}/`);
}

/**
 * Starts Chromium (`chromiumPath`) for `name` with the extension at `extensionDir`, in the profile folder
 * `profileDir` (kept between launches, so a person relaunched after a failed test is still signed in).
 */
export async function launchPerson(options: {
  name: string;
  chromiumPath: string;
  extensionDir: string;
  profileDir: string;
  /** The browser's language, which the extension's texts follow (`chrome.i18n`). */
  lang?: string;
}): Promise<Person> {
  const { name, extensionDir, lang = 'en-US' } = options;
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: options.chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: lang,
    // Chromium on Linux takes its UI language, and so chrome.i18n's, from these as much as from --lang.
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang.replace('-', '_')}.UTF-8` },
    args: [...extensionArgs(extensionDir), `--lang=${lang}`],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  const person: Person = { name, context, extensionId, serviceWorker, errors: [], allowNetworkErrors: false };

  serviceWorker.on('console', (message) => watchConsole(person, 'service worker', message));
  const watchPage = (page: Page) => {
    page.on('console', (message) => {
      if (isExtensionUrl(page.url(), extensionId)) watchConsole(person, page.url(), message);
    });
    page.on('pageerror', (error) => {
      if (isExtensionUrl(page.url(), extensionId))
        person.errors.push(`[${name}] ${page.url()}: ${error.message}`);
    });
    // A dialog could only come from injected script: nothing in the product opens one.
    page.on('dialog', (dialog) => {
      person.errors.push(`[${name}] unexpected dialog on ${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return person;
}

/** The side panel, opened as a tab (a headless browser has no side panel to show). */
export async function openPanel(person: Person): Promise<Page> {
  const url = `chrome-extension://${person.extensionId}/sidepanel.html`;
  const existing = person.context.pages().find((p) => p.url().startsWith(url));
  if (existing) {
    await existing.bringToFront();
    return existing;
  }
  const page = await person.context.newPage();
  // The width of a side panel, so layouts, screenshots and the accessibility check match the real thing.
  await page.setViewportSize(PANEL_SIZE);
  await page.goto(url);
  return page;
}

/** A tab on the fixture site. */
export async function openSite(person: Person, url: string): Promise<Page> {
  const page = await person.context.newPage();
  await page.goto(url);
  return page;
}

/** The extension's action badge text, read in the service worker. */
export function badgeText(person: Person): Promise<string> {
  return person.serviceWorker.evaluate('chrome.action.getBadgeText({})') as Promise<string>;
}
