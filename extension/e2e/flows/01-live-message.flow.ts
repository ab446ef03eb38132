import assert from 'node:assert/strict';
import { badgeText, openPanel } from '../harness/browser.ts';
import { flow, UI_TIMEOUT } from '../harness/flow.ts';
import {
  openConversation,
  sendText,
  sentMessage,
  signUp,
  startDirect,
  startsWith,
} from '../harness/panel.ts';
import { waitFor } from '../harness/processes.ts';
import { session, shot, world } from '../harness/world.ts';

/** Live delivery has the stream; the `alarms` poll (a minute) is its fallback, so allow a little over it. */
const LIVE_TIMEOUT = 70_000;

flow('1. sign up, follow each other, send and receive a message live, unread badges count', async () => {
  const { api, people } = world();
  const alicePanel = await openPanel(people.alice);
  await alicePanel.getByRole('button', { name: 'Create account' }).waitFor({ timeout: UI_TIMEOUT });
  await shot(alicePanel, 'panel-sign-in');
  await signUp(alicePanel, 'alice', 'Alice Martin');
  const bobPanel = await openPanel(people.bob);
  await signUp(bobPanel, 'bob', 'Bob Okafor');
  await shot(bobPanel, 'panel-empty-inbox');

  // Following happens on the video site; here the API stands in for it.
  await api.befriend(session('alice'), session('bob'));

  await startDirect(alicePanel, 'bob');
  await sendText(alicePanel, 'Hi Bob! Coffee after the shoot?');
  await sentMessage(alicePanel, 'Hi Bob! Coffee after the shoot?').waitFor({ timeout: UI_TIMEOUT });

  // Bob's panel is open on his inbox: the conversation and the counts arrive without a reload.
  await bobPanel.getByTestId('inbox-count').filter({ hasText: /^1$/ }).waitFor({ timeout: LIVE_TIMEOUT });
  await bobPanel.getByRole('button', { name: startsWith('Alice Martin') }).waitFor({ timeout: UI_TIMEOUT });
  await waitFor(
    'the action badge to count 1 unread conversation',
    async () => (await badgeText(people.bob)) === '1',
    LIVE_TIMEOUT,
  );
  await shot(bobPanel, 'inbox-unread-badge');

  await openConversation(bobPanel, 'Alice Martin');
  await sentMessage(bobPanel, 'Hi Bob! Coffee after the shoot?').waitFor({ timeout: UI_TIMEOUT });
  await sendText(bobPanel, 'Yes! 4pm at the harbour?');
  await sentMessage(bobPanel, 'Yes! 4pm at the harbour?').waitFor({ timeout: UI_TIMEOUT });

  // Alice sees the reply in the open conversation, live.
  await sentMessage(alicePanel, 'Yes! 4pm at the harbour?').waitFor({ timeout: LIVE_TIMEOUT });
  await shot(alicePanel, 'conversation-live-reply');

  // Bob read it: his counts clear.
  await waitFor(
    "Bob's action badge to clear",
    async () => (await badgeText(people.bob)) === '',
    LIVE_TIMEOUT,
  );
  assert.equal(await bobPanel.getByTestId('inbox-count').count(), 0);
});
