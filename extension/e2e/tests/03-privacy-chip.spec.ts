import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { openTab, startsWith } from '../harness/panel.ts';
import { openPanel, openSite } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { UI_TIMEOUT } from '../harness/timeouts.ts';

async function choosePolicy(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: `DMs: ${from}` }).click({ timeout: UI_TIMEOUT });
  const menu = page.getByRole('menu', { name: 'Who can send you direct messages' });
  await menu.getByRole('menuitemradio', { name: new RegExp(`^${to}`) }).click();
  await page.getByRole('button', { name: `DMs: ${to}` }).waitFor({ timeout: UI_TIMEOUT });
}

test('3. the privacy chip on the site switches to "No one"; the other side\'s send is refused and says so', async ({
  api,
  accounts,
  alice,
  bob,
  site,
}) => {
  const bobSite = await openSite(bob, `${site}/`);
  await bobSite.getByRole('button', { name: 'DMs: Mutual friends' }).click({ timeout: UI_TIMEOUT });
  const menu = bobSite.getByRole('menu', { name: 'Who can send you direct messages' });
  await menu.getByRole('menuitemradio', { name: /^No one/ }).waitFor();
  await shot(bobSite, 'privacy-chip-menu');
  await menu.getByRole('menuitemradio', { name: /^No one/ }).click();
  await bobSite.getByRole('button', { name: 'DMs: No one' }).waitFor({ timeout: UI_TIMEOUT });
  const settings = await api.call<{ dmPolicy: string }>('GET', '/v1/me/settings', {
    token: (await accounts.session('bob')).token,
  });
  expect(settings.dmPolicy).toBe('no_one');

  // On Bob's profile, Alice's "Message" button is disabled, and says why.
  const aliceSite = await openSite(alice, `${site}/@bob`);
  const message = aliceSite.getByRole('button', { name: 'Message' });
  await aliceSite.getByText("@bob doesn't accept messages from you.").waitFor({ timeout: UI_TIMEOUT });
  await expect(message).toBeDisabled();
  await shot(aliceSite, 'profile-message-disabled');

  // Their existing chat: the panel refuses before Alice types (the composer is off and says why), and a
  // send that gets through anyway (here straight to the API) is refused by the worker.
  const alicePanel = await openPanel(alice);
  await openTab(alicePanel, 'Inbox');
  await alicePanel
    .getByRole('button', { name: startsWith('Bob Okafor') })
    .first()
    .click({ timeout: UI_TIMEOUT });
  const composer = alicePanel.getByLabel('Message', { exact: true });
  await expect(alicePanel.getByTestId('composer-note')).toHaveText(
    "Bob Okafor's privacy settings don't let you message them.",
    { timeout: UI_TIMEOUT },
  );
  await expect(composer).toBeDisabled();
  await expect(composer).toHaveAccessibleDescription(/privacy settings don't let you message them/);
  await shot(alicePanel, 'send-refused');
  const aliceSession = await accounts.session('alice');
  const withBob = (await api.conversations(aliceSession, 'inbox')).find(
    (c) => c.kind === 'direct' && c.members.some((m) => m.handle === 'bob'),
  );
  expect(withBob, 'the conversation of Alice and Bob').toBeTruthy();
  await expect(api.sendText(aliceSession, withBob?.id ?? '', 'Are you still coming?')).rejects.toThrow(
    /→ 403 .*cannot_message/,
  );

  // Bob opens his DMs to mutual friends again, from the same chip.
  await choosePolicy(bobSite, 'No one', 'Mutual friends');
  await aliceSite.reload();
  await aliceSite.getByRole('button', { name: 'Message' }).waitFor({ timeout: UI_TIMEOUT });
  await expect(aliceSite.getByRole('button', { name: 'Message' })).toBeEnabled({ timeout: UI_TIMEOUT });
  // Now "Message" on Bob's profile opens their conversation in Alice's panel (which shows her inbox).
  await openTab(alicePanel, 'Inbox');
  await alicePanel.getByRole('heading', { name: 'Bob Okafor' }).waitFor({ state: 'detached' });
  await aliceSite.getByRole('button', { name: 'Message' }).click();
  await expect
    .poll(
      async () => {
        for (const page of alice.context.pages()) {
          if (!page.url().endsWith('/sidepanel.html')) continue;
          if (await page.getByRole('heading', { name: 'Bob Okafor', level: 2 }).isVisible()) return true;
        }
        return false;
      },
      { message: "Alice's panel to open the conversation with Bob", timeout: UI_TIMEOUT },
    )
    .toBe(true);
  for (const page of alice.context.pages()) {
    if (page !== alicePanel && page.url().endsWith('/sidepanel.html')) await page.close();
  }
  await bobSite.close();
  await aliceSite.close();
});
