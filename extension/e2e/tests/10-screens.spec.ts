import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { PASSWORD } from '../harness/accounts.ts';
import { layoutProblems, PANEL, SCHEMES, settle, siteLayoutProblems } from '../harness/layout-checks.ts';
import { expectingFailedRequests } from '../harness/page-errors.ts';
import { composerReady, conversationMenu, openConversation, openTab, startsWith } from '../harness/panel.ts';
import { openPanel, openSite, type Person } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { LIVE_TIMEOUT, UI_TIMEOUT } from '../harness/timeouts.ts';

const VIDEO_URL_PATH = '/@bob/video/7300000000000000002';

test('10. the layout checks catch small text, a menu leaving the viewport and a page wider than the panel', async ({
  alice,
}) => {
  const page = await alice.context.newPage();
  await page.setViewportSize(PANEL);
  await page.setContent(`<body style="margin: 0">
    <p style="font-size: 14px">Readable</p>
    <p style="font-size: 11px">Too small</p>
    <span class="visually-hidden" style="font-size: 1px">For screen readers</span>
    <div class="menu" style="position: absolute; left: 300px; top: 10px; width: 150px">Off the edge</div>
    <div style="width: 480px; height: 10px"></div>`);
  const problems = await layoutProblems(page);
  await page.close();
  expect(problems).toEqual([
    'page is 480px wide in a 400px panel',
    '"Too small" is 11px',
    expect.stringMatching(/^menu leaves the viewport \(300,10\)–\(450,/),
  ]);
});

test('10. every screen, light and dark, keeps text readable, menus inside and the page within the panel', async ({
  api,
  accounts,
  alice,
  aliceRelay,
  newcomer,
  people,
  site,
}) => {
  test.slow();
  const problems: string[] = [];
  /** Screenshots `page` as `name` in light and dark, and notes every broken layout rule. */
  const screen = async (page: Page, name: string, check = layoutProblems) => {
    for (const scheme of SCHEMES) {
      await settle(page, scheme);
      await shot(page, `${name}-${scheme}`);
      for (const problem of await check(page)) problems.push(`${name}-${scheme}: ${problem}`);
    }
    await page.emulateMedia({ colorScheme: null });
  };
  const panelAt = async (person: Person) => {
    const page = await openPanel(person);
    await page.setViewportSize(PANEL);
    return page;
  };

  // Signed out.
  const signInPage = await panelAt(newcomer);
  await signInPage.getByRole('button', { name: 'Create account' }).waitFor({ timeout: UI_TIMEOUT });
  await screen(signInPage, 'sign-in');
  await newcomer.context.close();

  // A stranger writes, so there is a request to look at.
  const frank = accounts.remember(await api.register('frank', PASSWORD, 'Frank Fischer'));
  await api.sendText(
    frank,
    await api.directConversation(frank, 'alice'),
    'Hey, is this the pancake account?',
  );

  const panel = await panelAt(alice);
  await openTab(panel, 'Inbox');
  await panel.getByRole('button', { name: 'New message' }).waitFor({ timeout: UI_TIMEOUT });
  await screen(panel, 'inbox');

  // A direct chat, and each of its menus open.
  await openConversation(panel, 'Bob Okafor');
  await screen(panel, 'chat');
  const last = panel.getByTestId('message').last();
  await last.hover();
  await last.getByRole('button', { name: 'More actions' }).click();
  await screen(panel, 'chat-menu-last');
  await panel.keyboard.press('Escape');
  const own = panel.locator('[data-testid="message"].mine').first();
  await own.hover();
  await own.getByRole('button', { name: 'More actions' }).click();
  await own.getByRole('button', { name: 'More emoji' }).click();
  await screen(panel, 'chat-menu-own');
  await panel.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Add emoji' }).click();
  await screen(panel, 'chat-emoji');
  await panel.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Conversation options' }).click();
  await screen(panel, 'chat-options');
  await panel.keyboard.press('Escape');

  // The group and its details.
  await openTab(panel, 'Inbox');
  await openConversation(panel, 'Weekend plans');
  await screen(panel, 'group');
  await conversationMenu(panel, 'Group info');
  await panel.getByRole('heading', { name: '3 members' }).waitFor({ timeout: UI_TIMEOUT });
  await screen(panel, 'group-info');
  await panel.keyboard.press('Escape');
  await composerReady(panel);

  await openTab(panel, 'Inbox');
  await panel.getByRole('button', { name: 'New group' }).click();
  await panel.getByLabel('Search people').fill('bob');
  await panel
    .locator('label')
    .filter({ hasText: '@bob' })
    .getByRole('checkbox')
    .check({ timeout: UI_TIMEOUT });
  await screen(panel, 'new-group');

  // Requests: the list, one open, and the Undo toast after a delete.
  await openTab(panel, 'Requests');
  const request = panel.getByRole('article', { name: 'Frank Fischer' });
  await request.waitFor({ timeout: LIVE_TIMEOUT });
  await screen(panel, 'requests');
  await openConversation(panel, 'Frank Fischer');
  await screen(panel, 'request');
  await openTab(panel, 'Requests');
  await request.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByRole('status')).toContainText('Request deleted');
  await screen(panel, 'request-deleted-toast');

  await openTab(panel, 'Inbox');
  await panel.getByRole('button', { name: 'Settings' }).click();
  await panel
    .getByRole('radiogroup', { name: 'Who can send you direct messages' })
    .waitFor({ timeout: UI_TIMEOUT });
  await screen(panel, 'settings');

  // The share sheet, as "Send in DM" on the site leaves it for the panel; then two people and a note.
  await openTab(panel, 'Inbox');
  const pendingShare = { url: `${site}${VIDEO_URL_PATH}`, at: Date.now() };
  await alice.serviceWorker.evaluate(
    `chrome.storage.local.set({ pendingShare: ${JSON.stringify(pendingShare)} })`,
  );
  await panel.getByRole('heading', { name: 'Send this video to…' }).waitFor({ timeout: UI_TIMEOUT });
  await screen(panel, 'share');
  await panel.getByRole('button', { name: startsWith('Bob Okafor') }).click();
  await panel.getByRole('button', { name: startsWith('Carol Rossi') }).click();
  await panel.getByLabel('Add a note (optional)').fill('This one is so good 😍');
  await screen(panel, 'share-chosen');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.getByRole('heading', { name: 'Send this video to…' }).waitFor({ state: 'detached' });

  // The video site with the extension's buttons and the privacy chip's menu (its own UI is checked).
  const feed = await openSite(alice, `${site}/`);
  await feed.getByRole('button', { name: 'DMs: Everyone' }).click({ timeout: UI_TIMEOUT });
  await feed.getByRole('menu', { name: 'Who can send you direct messages' }).waitFor();
  await screen(feed, 'site-privacy-menu', siteLayoutProblems);
  await feed.goto(`${site}/@bob`);
  await feed.getByRole('button', { name: 'Message' }).waitFor({ timeout: UI_TIMEOUT });
  await screen(feed, 'site-profile', siteLayoutProblems);
  await feed.goto(`${site}${VIDEO_URL_PATH}`);
  await feed.getByRole('button', { name: 'Send in DM' }).first().waitFor({ timeout: UI_TIMEOUT });
  await screen(feed, 'site-video', siteLayoutProblems);
  await feed.close();

  // The worker out of reach: the saved copies, marked as such, with a Retry.
  await expectingFailedRequests(alice, async () => {
    const workerUrl = `${aliceRelay.url}/**`;
    await alice.context.route(workerUrl, (route) => route.abort('internetdisconnected'));
    aliceRelay.setDown(true);
    try {
      await panel.reload();
      await panel.getByText(/^Saved copy/).waitFor({ timeout: UI_TIMEOUT });
      await screen(panel, 'inbox-offline');
      await panel
        .getByRole('button', { name: /^Bob Okafor/ })
        .first()
        .click();
      await panel
        .getByText(/^Saved copy/)
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      await screen(panel, 'chat-offline');
    } finally {
      aliceRelay.setDown(false);
      await alice.context.unroute(workerUrl);
    }
  });

  // The inbox in the other languages: Alice signs in on a browser in each.
  for (const lang of ['nl', 'fr', 'it']) {
    const person = await people.launch(`alice-${lang}`, `profile-alice-${lang}`, lang);
    try {
      const page = await panelAt(person);
      await page.locator('input[autocomplete="username"]').first().fill('alice');
      await page.locator('input[type="password"]').first().fill(PASSWORD);
      await page.locator('form button[type="submit"]').first().click();
      await page.getByRole('tablist').waitFor({ timeout: UI_TIMEOUT });
      await page
        .getByRole('button', { name: /^Bob Okafor/ })
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      await screen(page, `inbox-${lang}`);
    } finally {
      await person.context.close();
    }
  }

  expect(problems, 'layout problems (see artifacts/e2e/screens/09-screens--*.png)').toEqual([]);
});
