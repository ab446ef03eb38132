import assert from 'node:assert/strict';
import { openPanel } from '../harness/browser.ts';
import { expectingFailedRequests, flow, UI_TIMEOUT } from '../harness/flow.ts';
import { openConversation, openTab, sendText, sentMessage } from '../harness/panel.ts';
import { session, shot, world } from '../harness/world.ts';

const TEXTS = ['Sent from the tunnel, 1', 'Sent from the tunnel, 2'];

flow(
  '6. offline: two messages typed while the worker is unreachable are delivered once each on return',
  async () => {
    const { api, people, aliceWorkerUrl, setWorkerReachableForAlice } = world();
    const alice = people.alice;
    const alicePanel = await openPanel(alice);
    await openTab(alicePanel, 'Inbox');
    await openConversation(alicePanel, 'Bob Okafor');

    const workerUrl = `${aliceWorkerUrl}/**`;
    const stored = async (text: string) => {
      const bob = session('bob');
      const conversations = await api.conversations(bob, 'inbox');
      const all = (await Promise.all(conversations.map((c) => api.messages(bob, c.id)))).flat();
      return all.filter((m) => m.text === text).length;
    };

    await expectingFailedRequests(alice, async () => {
      // Offline three ways: the browser's own switch, the worker's URL routed to fail, and the relay cut
      // (which also closes the live WebSocket and covers the background's requests).
      await alice.context.setOffline(true);
      await alice.context.route(workerUrl, (route) => route.abort('internetdisconnected'));
      setWorkerReachableForAlice(false);
      try {
        for (const text of TEXTS) await sendText(alicePanel, text);
        for (const text of TEXTS) {
          await alicePanel
            .locator('[data-testid="message"]:not([data-status="sent"])')
            .filter({ hasText: text })
            .waitFor({ timeout: UI_TIMEOUT });
        }
        // Let the outbox try, and fail, a few times while offline: nothing may get through, nothing is lost.
        await alicePanel.waitForTimeout(4000);
        await shot(alicePanel, 'offline-pending');
        for (const text of TEXTS) {
          assert.equal(await stored(text), 0, `"${text}" reached the worker while offline`);
          assert.equal(
            await alicePanel
              .locator('[data-testid="message"]:not([data-status="sent"])')
              .filter({ hasText: text })
              .count(),
            1,
            `"${text}" must still be shown as waiting`,
          );
        }
      } finally {
        setWorkerReachableForAlice(true);
        await alice.context.unroute(workerUrl);
        await alice.context.setOffline(false);
      }
      for (const text of TEXTS) await sentMessage(alicePanel, text).waitFor({ timeout: 45_000 });
    });
    await shot(alicePanel, 'back-online-delivered');

    for (const text of TEXTS) assert.equal(await stored(text), 1, `"${text}" must be stored exactly once`);
    for (const text of TEXTS) {
      assert.equal(await alicePanel.locator('[data-testid="message"]').filter({ hasText: text }).count(), 1);
    }
  },
);
