import { defineContentScript } from 'wxt/utils/define-content-script';
import { getAccount, refreshAccount } from '../../site/account.ts';
import { createMounts } from '../../site/mounts.ts';
import { isSiteHost } from '../../site/site-adapter.ts';
import { watchPage } from '../../site/watch-page.ts';

/** Minimum time between two reloads of the account when the page regains focus. */
const ACCOUNT_REFRESH_MS = 5000;

export default defineContentScript({
  // The real site, and the local fixture site the end-to-end suite serves on a loopback port.
  matches: ['https://www.tiktok.com/*', 'https://m.tiktok.com/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (!isSiteHost(window.location.hostname)) return;
    const mounts = createMounts(ctx);
    let present = false;
    let lastRefresh = 0;
    // Sign-in and settings change in the side panel while this page stays open: look again when the
    // page regains focus. Pages without the site's markup (other loopback pages) never ask at all.
    const refresh = (force: boolean) => {
      if (!present || (!force && Date.now() - lastRefresh < ACCOUNT_REFRESH_MS)) return;
      lastRefresh = Date.now();
      void refreshAccount();
    };
    const refreshIfVisible = () => document.visibilityState === 'visible' && refresh(false);
    ctx.addEventListener(window, 'focus', refreshIfVisible);
    ctx.addEventListener(document, 'visibilitychange', refreshIfVisible);
    watchPage(ctx, async () => {
      present = await mounts.sync();
      if (getAccount().status === 'loading') refresh(true);
    });
  },
});
