import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The add-on id fixed in extension/wxt.config.ts (`browser_specific_settings.gecko.id`). */
export const ADDON_ID = 'clipdm@clipdm.app';

export interface Firefox {
  browser: Browser;
  /** The extension's origin, fixed through the `extensions.webextensions.uuids` pref. */
  origin: string;
  close: () => Promise<void>;
}

/**
 * Debian's Firefox ESR over WebDriver BiDi (no driver download), with the unpacked extension installed as a
 * temporary add-on. `--remote-allow-system-access` is what lets WebDriver open `moz-extension://` pages:
 * without it Firefox refuses any navigation outside http(s), file and blob.
 */
export async function launchFirefox(executablePath: string, extensionDir: string): Promise<Firefox> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      'intl.locale.requested': 'en-US',
    },
  });
  const installed = await browser.installExtension(extensionDir);
  if (installed !== ADDON_ID) throw new Error(`the add-on installed as ${installed}, not ${ADDON_ID}`);
  return { browser, origin: `moz-extension://${uuid}`, close: () => browser.close() };
}

/**
 * Opens an extension page in a new tab. Firefox moves the tab into the extension's process, and Puppeteer's
 * BiDi navigation tracking does not see that load finish, so the wait is for the page's own content.
 */
export async function openExtensionPage(firefox: Firefox, path: string, ready: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.setViewport({ width: 420, height: 760 });
  await page.goto(`${firefox.origin}/${path}`, { timeout: 5000 }).catch(() => undefined);
  await page.waitForFunction((text) => document.body?.textContent.includes(text), { timeout: 30_000 }, ready);
  return page;
}
