import { expect, test } from '../fixtures.ts';
import { expectingFailedRequests } from '../harness/page-errors.ts';
import { openConversation, openTab, sendText, sentMessage } from '../harness/panel.ts';
import { openPanel } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { UI_TIMEOUT } from '../harness/timeouts.ts';

const TEXTS = ['Sent from the tunnel, 1', 'Sent from the tunnel, 2'];

test('6. offline: two messages typed while the worker is unreachable are delivered once each on return', async ({
  api,
  accounts,
  alice,
  aliceRelay,
}) => {
  const alicePanel = await openPanel(alice);
  await openTab(alicePanel, 'Inbox');
  await openConversation(alicePanel, 'Bob Okafor');

  const workerUrl = `${aliceRelay.url}/**`;
  const bob = await accounts.session('bob');
  const stored = async (text: string) => {
    const conversations = await api.conversations(bob, 'inbox');
    const all = (await Promise.all(conversations.map((c) => api.messages(bob, c.id)))).flat();
    return all.filter((m) => m.text === text).length;
  };
  const waiting = (text: string) =>
    alicePanel.locator('[data-testid="message"]:not([data-status="sent"])').filter({ hasText: text });

  await expectingFailedRequests(alice, async () => {
    // Offline three ways: the browser's own switch, the worker's URL routed to fail, and the relay cut
    // (which also closes the live WebSocket and covers the background's requests).
    await alice.context.setOffline(true);
    await alice.context.route(workerUrl, (route) => route.abort('internetdisconnected'));
    aliceRelay.setDown(true);
    try {
      for (const text of TEXTS) await sendText(alicePanel, text);
      for (const text of TEXTS) await waiting(text).waitFor({ timeout: UI_TIMEOUT });
      // Let the outbox try, and fail, a few times while offline: nothing may get through, nothing is lost.
      await alicePanel.waitForTimeout(4000);
      await shot(alicePanel, 'offline-pending');
      for (const text of TEXTS) {
        expect(await stored(text), `"${text}" reached the worker while offline`).toBe(0);
        expect(await waiting(text).count(), `"${text}" must still be shown as waiting`).toBe(1);
      }
    } finally {
      aliceRelay.setDown(false);
      await alice.context.unroute(workerUrl);
      await alice.context.setOffline(false);
    }
    for (const text of TEXTS) await sentMessage(alicePanel, text).waitFor({ timeout: 45_000 });
  });
  await shot(alicePanel, 'back-online-delivered');

  for (const text of TEXTS) expect(await stored(text), `"${text}" must be stored exactly once`).toBe(1);
  for (const text of TEXTS) {
    expect(await alicePanel.locator('[data-testid="message"]').filter({ hasText: text }).count()).toBe(1);
  }
});
