import { defineContentScript } from 'wxt/utils/define-content-script';
import { isSiteHost } from '../../lib/site-adapter.ts';
import { refreshAccount } from './account.ts';
import { createMounts } from './mounts.ts';
import { watchPage } from './watch-page.ts';

/** Minimum time between two reloads of the account when the page regains focus. */
const ACCOUNT_REFRESH_MS = 5000;

export default defineContentScript({
  // The real site, and the local fixture site the end-to-end suite serves on a loopback port.
  matches: ['https://www.tiktok.com/*', 'https://m.tiktok.com/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (!isSiteHost(window.location.hostname)) return;
    const mounts = createMounts(ctx);
    void refreshAccount();
    let lastRefresh = Date.now();
    // Sign-in and settings change in the side panel, while this page stays open.
    const refreshIfStale = () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastRefresh < ACCOUNT_REFRESH_MS) return;
      lastRefresh = Date.now();
      void refreshAccount();
    };
    ctx.addEventListener(window, 'focus', refreshIfStale);
    ctx.addEventListener(document, 'visibilitychange', refreshIfStale);
    watchPage(ctx, mounts.sync);
  },
});
