import { browser } from 'wxt/browser';
import { siteReturnItem } from './site-return-item.ts';

/** How long a person may take on the provider's page before the flow is given up. */
const FLOW_TIMEOUT_MS = 10 * 60_000;

/** The page a tab-based flow returns to; it hands the fragment over (see `entrypoints/site-return`). */
export const TAB_RETURN_PAGE = '/site-return.html';

/**
 * Runs a provider flow (the site's sign-in, or Facebook) that starts at `startUrl(returnUrl)`, and answers
 * the parameters the worker put in the return page's fragment (`code`, `linked` or `error`).
 * Chromium: `identity.launchWebAuthFlow`, returning to `https://<id>.chromiumapp.org/`, which the worker
 * accepts. Elsewhere (Firefox's redirect host is not one the worker accepts) a tab that ends on an
 * extension page.
 */
export async function runProviderFlow(
  startUrl: (returnUrl: string) => Promise<string>,
): Promise<URLSearchParams> {
  const identity = browser.identity;
  const redirect = identity?.getRedirectURL?.();
  if (identity?.launchWebAuthFlow && redirect?.endsWith('.chromiumapp.org/')) {
    const final = await identity.launchWebAuthFlow({ url: await startUrl(redirect), interactive: true });
    return fragmentOf(final ?? '');
  }
  return runInTab(await startUrl(browser.runtime.getURL(TAB_RETURN_PAGE)));
}

/** The fragment parameters of a return URL; an empty set when there is none. */
export function fragmentOf(url: string): URLSearchParams {
  const hash = url.indexOf('#');
  return new URLSearchParams(hash >= 0 ? url.slice(hash + 1) : '');
}

async function runInTab(url: string): Promise<URLSearchParams> {
  const startedAt = Date.now();
  await siteReturnItem.setValue(null);
  const tab = await browser.tabs.create({ url });
  return new Promise((resolve, reject) => {
    const finish = (result: URLSearchParams | Error) => {
      unwatch();
      browser.tabs.onRemoved.removeListener(onRemoved);
      clearTimeout(timer);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const unwatch = siteReturnItem.watch((value) => {
      if (value && value.at >= startedAt) finish(fragmentOf(`#${value.fragment}`));
    });
    const onRemoved = (tabId: number) => {
      if (tabId === tab.id) setTimeout(() => finish(new URLSearchParams({ error: 'cancelled' })), 500);
    };
    browser.tabs.onRemoved.addListener(onRemoved);
    const timer = setTimeout(() => finish(new URLSearchParams({ error: 'cancelled' })), FLOW_TIMEOUT_MS);
  });
}
