import { expect, test } from '../fixtures.ts';
import { openConversation, openTab, sentMessage, startsWith } from '../harness/panel.ts';
import { openPanel, openSite } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { UI_TIMEOUT } from '../harness/timeouts.ts';

const VIDEO_ID = '7300000000000000002';
const TITLE = 'Three-ingredient pancakes, no mixer needed';
const NOTE = 'You have to try these';

test('4. "Send in DM" on a fixture video delivers a video card that opens that video', async ({
  alice,
  bob,
  site,
}) => {
  const videoUrl = `${site}/@bob/video/${VIDEO_ID}`;
  const alicePanel = await openPanel(alice);
  await openTab(alicePanel, 'Inbox');

  const feed = await openSite(alice, `${site}/`);
  const item = feed.locator('[data-e2e="recommend-list-item-container"]').filter({ hasText: TITLE });
  await item.getByRole('button', { name: 'Send in DM' }).click({ timeout: UI_TIMEOUT });

  // The panel (here: the panel page in a tab) offers the video to a conversation or a person.
  await alicePanel.bringToFront();
  await alicePanel.getByRole('heading', { name: 'Send this video to…' }).waitFor({ timeout: UI_TIMEOUT });
  // The sheet shows the video being shared as its card, which links to that video.
  await expect(alicePanel.getByRole('link', { name: /^Open video:.*@bob/ })).toHaveAttribute(
    'href',
    videoUrl,
  );
  await shot(alicePanel, 'share-sheet');
  // Bob's face toggles him on (nothing goes yet), a note rides along, then Send.
  const send = alicePanel.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeDisabled();
  const bobFace = alicePanel.getByRole('button', { name: startsWith('Bob Okafor') });
  await bobFace.click();
  await expect(bobFace).toHaveAttribute('aria-pressed', 'true');
  await expect(alicePanel.getByText('To: Bob Okafor')).toBeVisible();
  await alicePanel.getByLabel('Add a note (optional)').fill(NOTE);
  await shot(alicePanel, 'share-sheet-chosen');
  await send.click();
  await alicePanel
    .locator('[data-testid="message"][data-status="sent"]')
    .getByRole('link', { name: /^Open video:/ })
    .last()
    .waitFor({ timeout: UI_TIMEOUT });
  // A second panel the background may have opened for the share is no longer needed.
  for (const page of alice.context.pages()) {
    if (page !== alicePanel && page.url().endsWith('/sidepanel.html')) await page.close();
  }
  await feed.close();

  // Bob gets the card and opens it: the video plays in his current tab.
  const bobPanel = await openPanel(bob);
  await openTab(bobPanel, 'Inbox');
  await openConversation(bobPanel, 'Alice Martin');
  const card = bobPanel.getByRole('link', { name: /^Open video:/ }).last();
  await card.waitFor({ timeout: UI_TIMEOUT });
  await sentMessage(bobPanel, NOTE).waitFor({ timeout: UI_TIMEOUT });
  await shot(bobPanel, 'video-card');
  await card.click();
  await expect
    .poll(() => bob.context.pages().some((p) => p.url() === videoUrl), {
      message: 'a tab of Bob showing the shared video',
      timeout: UI_TIMEOUT,
    })
    .toBe(true);
  const videoPage = bob.context.pages().find((p) => p.url() === videoUrl);
  expect(videoPage).toBeTruthy();
  if (!videoPage) return;
  await videoPage.locator('[data-e2e="browse-video"]').waitFor({ timeout: UI_TIMEOUT });
  await shot(videoPage, 'video-opened');
});
