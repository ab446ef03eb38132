import { expect, test } from '../fixtures.ts';
import { collectPageErrors } from '../harness/page-errors.ts';
import { openSite } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { UI_TIMEOUT } from '../harness/timeouts.ts';

test('content script: buttons on the fixture site, across client-side navigation, isolated styles', async ({
  carol,
  site,
}) => {
  const page = await openSite(carol, `${site}/`);
  const pageErrors = collectPageErrors(page);
  const sendButtons = page.getByRole('button', { name: 'Send in DM' });

  // Three videos at once and a fourth rendered lazily: every one gets its button.
  await page.locator('[data-e2e="recommend-list-item-container"]').nth(3).waitFor({ timeout: UI_TIMEOUT });
  await sendButtons.nth(3).waitFor({ timeout: UI_TIMEOUT });
  await expect(sendButtons).toHaveCount(4);
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
  expect(style.inShadow).toBe(true);
  expect(style.font).not.toMatch(/Georgia/);
  expect(style.font).toMatch(/sans-serif/);
  expect(style.transform).toBe('none');

  // Client-side navigation (pushState) to a video page: one share control, one button.
  await page.getByRole('link', { name: /Open video: Three-ingredient pancakes/ }).click();
  await page.waitForURL(`${site}/@bob/video/7300000000000000002`);
  await page.locator('[data-e2e="browse-video"]').waitFor();
  await sendButtons.first().waitFor({ timeout: UI_TIMEOUT });
  await expect(page.locator('clipdm-share')).toHaveCount(1, { timeout: UI_TIMEOUT });

  // To a profile page: the "Message" button sits by the site's Follow button.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: '@bob' }).click();
  await page.locator('[data-e2e="user-title"]').waitFor();
  await page.getByRole('button', { name: 'Message' }).waitFor({ timeout: UI_TIMEOUT });
  await expect(page.locator('clipdm-share')).toHaveCount(0);
  await shot(page, 'fixture-profile-signed-out');

  // A page without the site's markup: the script adds nothing and logs nothing.
  await page.getByRole('link', { name: 'Explore' }).click();
  await page.waitForURL(`${site}/explore`);
  await expect(page.locator('clipdm-share, clipdm-message, clipdm-privacy')).toHaveCount(0, {
    timeout: UI_TIMEOUT,
  });

  // Back to the feed with the browser's back button (popstate) twice: the buttons come back.
  await page.goBack();
  await page.goBack();
  await page.waitForURL(`${site}/@bob/video/7300000000000000002`);
  await sendButtons.first().waitFor({ timeout: UI_TIMEOUT });
  expect(pageErrors).toEqual([]);
  await page.close();
});
