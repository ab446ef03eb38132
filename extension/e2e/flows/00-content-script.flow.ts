import assert from 'node:assert/strict';
import { openSite } from '../harness/browser.ts';
import { collectPageErrors, flow, UI_TIMEOUT } from '../harness/flow.ts';
import { shot, world } from '../harness/world.ts';

flow(
  'content script: buttons on the fixture site, across client-side navigation, isolated styles',
  async () => {
    const { people, site } = world();
    const page = await openSite(people.carol, `${site}/`);
    const pageErrors = collectPageErrors(page);
    const sendButtons = page.getByRole('button', { name: 'Send in DM' });

    // Three videos at once and a fourth rendered lazily: every one gets its button.
    await page.locator('[data-e2e="recommend-list-item-container"]').nth(3).waitFor({ timeout: UI_TIMEOUT });
    await assert.doesNotReject(() => sendButtons.nth(3).waitFor({ timeout: UI_TIMEOUT }));
    assert.equal(await sendButtons.count(), 4);
    await page.getByRole('button', { name: 'Sign in to ClipDM' }).waitFor({ timeout: UI_TIMEOUT });
    await shot(page, 'fixture-feed-signed-out');

    // The site's global `button { font-family: Georgia; text-transform: uppercase }` must not reach our UI.
    const style = await sendButtons.first().evaluate((button) => {
      const computed = getComputedStyle(button);
      return {
        font: computed.fontFamily,
        transform: computed.textTransform,
        inShadow: button.getRootNode() !== document,
      };
    });
    assert.equal(style.inShadow, true);
    assert.doesNotMatch(style.font, /Georgia/);
    assert.match(style.font, /sans-serif/);
    assert.equal(style.transform, 'none');

    // Client-side navigation (pushState) to a video page: one share control, one button.
    await page.getByRole('link', { name: /Open video: Three-ingredient pancakes/ }).click();
    await page.waitForURL(`${site}/@bob/video/7300000000000000002`);
    await page.locator('[data-e2e="browse-video"]').waitFor();
    await assert.doesNotReject(() => sendButtons.first().waitFor({ timeout: UI_TIMEOUT }));
    await page.waitForFunction(() => document.querySelectorAll('clipdm-share').length === 1, null, {
      timeout: UI_TIMEOUT,
    });

    // To a profile page: the "Message" button sits by the site's Follow button.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: '@bob' }).click();
    await page.locator('[data-e2e="user-title"]').waitFor();
    await page.getByRole('button', { name: 'Message' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.locator('clipdm-share').count(), 0);
    await shot(page, 'fixture-profile-signed-out');

    // A page without the site's markup: the script adds nothing and logs nothing.
    await page.getByRole('link', { name: 'Explore' }).click();
    await page.waitForURL(`${site}/explore`);
    await page.waitForFunction(
      () => document.querySelectorAll('clipdm-share, clipdm-message, clipdm-privacy').length === 0,
      null,
      { timeout: UI_TIMEOUT },
    );

    // Back to the feed with the browser's back button (popstate) twice: the buttons come back.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(`${site}/@bob/video/7300000000000000002`);
    await sendButtons.first().waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(pageErrors, []);
    await page.close();
  },
);
