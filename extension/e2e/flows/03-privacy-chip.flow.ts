import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openPanel, openSite } from '../harness/browser.ts';
import { expectingFailedRequests, flow, UI_TIMEOUT } from '../harness/flow.ts';
import { openConversation, openTab, sendText } from '../harness/panel.ts';
import { waitFor } from '../harness/processes.ts';
import { session, shot, world } from '../harness/world.ts';

async function choosePolicy(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: `DMs: ${from}` }).click({ timeout: UI_TIMEOUT });
  const menu = page.getByRole('menu', { name: 'Who can send you direct messages' });
  await menu.getByRole('menuitemradio', { name: new RegExp(`^${to}`) }).click();
  await page.getByRole('button', { name: `DMs: ${to}` }).waitFor({ timeout: UI_TIMEOUT });
}

flow(
  '3. the privacy chip on the site switches to "No one"; the other side\'s send is refused and says so',
  async () => {
    const { api, people, site } = world();
    const bobSite = await openSite(people.bob, `${site}/`);
    await bobSite.getByRole('button', { name: 'DMs: Mutual friends' }).click({ timeout: UI_TIMEOUT });
    const menu = bobSite.getByRole('menu', { name: 'Who can send you direct messages' });
    await menu.getByRole('menuitemradio', { name: /^No one/ }).waitFor();
    await shot(bobSite, 'privacy-chip-menu');
    await menu.getByRole('menuitemradio', { name: /^No one/ }).click();
    await bobSite.getByRole('button', { name: 'DMs: No one' }).waitFor({ timeout: UI_TIMEOUT });
    const settings = await api.call<{ dmPolicy: string }>('GET', '/v1/me/settings', {
      token: session('bob').token,
    });
    assert.equal(settings.dmPolicy, 'no_one');

    // On Bob's profile, Alice's "Message" button is disabled, and says why.
    const aliceSite = await openSite(people.alice, `${site}/@bob`);
    const message = aliceSite.getByRole('button', { name: 'Message' });
    await aliceSite.getByText("@bob doesn't accept messages from you.").waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await message.isDisabled(), true);
    await shot(aliceSite, 'profile-message-disabled');

    // Their existing chat: Alice's new message is refused, and the panel tells her.
    const alicePanel = await openPanel(people.alice);
    await openTab(alicePanel, 'Inbox');
    await openConversation(alicePanel, 'Bob Okafor');
    await expectingFailedRequests(people.alice, async () => {
      await sendText(alicePanel, 'Are you still coming?');
      const failed = alicePanel
        .locator('[data-testid="message"][data-status="failed"]')
        .filter({ hasText: 'Are you still coming?' });
      await failed.getByText("You can't message this account.").waitFor({ timeout: UI_TIMEOUT });
    });
    await shot(alicePanel, 'send-refused');
    await alicePanel.getByRole('button', { name: 'Discard' }).click();

    // Bob opens his DMs to mutual friends again, from the same chip.
    await choosePolicy(bobSite, 'No one', 'Mutual friends');
    await aliceSite.reload();
    await aliceSite.getByRole('button', { name: 'Message' }).waitFor({ timeout: UI_TIMEOUT });
    await aliceSite.waitForFunction(
      () => !document.querySelector('clipdm-message')?.shadowRoot?.querySelector('button')?.disabled,
      null,
      { timeout: UI_TIMEOUT },
    );
    // Now "Message" on Bob's profile opens their conversation in Alice's panel (which shows her inbox).
    await openTab(alicePanel, 'Inbox');
    await alicePanel.getByRole('heading', { name: 'Bob Okafor' }).waitFor({ state: 'detached' });
    await aliceSite.getByRole('button', { name: 'Message' }).click();
    await waitFor(
      "Alice's panel to open the conversation with Bob",
      async () => {
        for (const page of people.alice.context.pages()) {
          if (!page.url().endsWith('/sidepanel.html')) continue;
          if (await page.getByRole('heading', { name: 'Bob Okafor', level: 2 }).isVisible()) return true;
        }
        return false;
      },
      UI_TIMEOUT,
    );
    for (const page of people.alice.context.pages()) {
      if (page !== alicePanel && page.url().endsWith('/sidepanel.html')) await page.close();
    }
    await bobSite.close();
    await aliceSite.close();
  },
);
