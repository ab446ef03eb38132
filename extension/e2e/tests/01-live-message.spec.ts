import { expect, test } from '../fixtures.ts';
import {
  openConversation,
  sendText,
  sentMessage,
  signUp,
  startDirect,
  startsWith,
} from '../harness/panel.ts';
import { badgeText, openPanel } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { LIVE_TIMEOUT, UI_TIMEOUT } from '../harness/timeouts.ts';

test('1. sign up, follow each other, send and receive a message live, unread badges count', async ({
  api,
  accounts,
  alice,
  bob,
}) => {
  const alicePanel = await openPanel(alice);
  await alicePanel.getByRole('button', { name: 'Create account' }).waitFor({ timeout: UI_TIMEOUT });
  await shot(alicePanel, 'panel-sign-in');
  await signUp(alicePanel, accounts, 'alice', 'Alice Martin');
  const bobPanel = await openPanel(bob);
  await signUp(bobPanel, accounts, 'bob', 'Bob Okafor');
  await shot(bobPanel, 'panel-empty-inbox');

  // Following happens on the video site; here the API stands in for it.
  await api.befriend(await accounts.session('alice'), await accounts.session('bob'));

  await startDirect(alicePanel, 'bob');
  await sendText(alicePanel, 'Hi Bob! Coffee after the shoot?');
  await sentMessage(alicePanel, 'Hi Bob! Coffee after the shoot?').waitFor({ timeout: UI_TIMEOUT });

  // Bob's panel is open on his inbox: the conversation and the counts arrive without a reload.
  await bobPanel.getByTestId('inbox-count').filter({ hasText: /^1$/ }).waitFor({ timeout: LIVE_TIMEOUT });
  await bobPanel.getByRole('button', { name: startsWith('Alice Martin') }).waitFor({ timeout: UI_TIMEOUT });
  await expect
    .poll(() => badgeText(bob), {
      message: 'the action badge to count 1 unread conversation',
      timeout: LIVE_TIMEOUT,
    })
    .toBe('1');
  await shot(bobPanel, 'inbox-unread-badge');

  await openConversation(bobPanel, 'Alice Martin');
  await sentMessage(bobPanel, 'Hi Bob! Coffee after the shoot?').waitFor({ timeout: UI_TIMEOUT });
  await sendText(bobPanel, 'Yes! 4pm at the harbour?');
  await sentMessage(bobPanel, 'Yes! 4pm at the harbour?').waitFor({ timeout: UI_TIMEOUT });

  // Alice sees the reply in the open conversation, live.
  await sentMessage(alicePanel, 'Yes! 4pm at the harbour?').waitFor({ timeout: LIVE_TIMEOUT });
  await shot(alicePanel, 'conversation-live-reply');

  // Bob read it: his counts clear.
  await expect
    .poll(() => badgeText(bob), { message: "Bob's action badge to clear", timeout: LIVE_TIMEOUT })
    .toBe('');
  await expect(bobPanel.getByTestId('inbox-count')).toHaveCount(0);
});
