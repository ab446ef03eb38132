import assert from 'node:assert/strict';
import { openPanel } from '../harness/browser.ts';
import { expectingFailedRequests, flow, UI_TIMEOUT } from '../harness/flow.ts';
import { openConversation, openTab, sendText, sentMessage } from '../harness/panel.ts';
import { session, shot, world } from '../harness/world.ts';

const TEXTS = ['Sent from the tunnel, 1', 'Sent from the tunnel, 2'];

flow(
  '6. offline: two messages typed while the worker is unreachable are delivered once each on return',
  async () => {
    const { api, people } = world();
    const alice = people.alice;
    const alicePanel = await openPanel(alice);
    await openTab(alicePanel, 'Inbox');
    await openConversation(alicePanel, 'Bob Okafor');

    const workerUrl = `${api.baseUrl}/**`;
    const goOnline = async () => {
      await alice.context.setOffline(false);
      await alice.context.unroute(workerUrl);
    };
    await expectingFailedRequests(alice, async () => {
      await alice.context.route(workerUrl, (route) => route.abort('internetdisconnected'));
      await alice.context.setOffline(true);
      try {
        for (const text of TEXTS) await sendText(alicePanel, text);
        for (const text of TEXTS) {
          await alicePanel
            .locator('[data-testid="message"]:not([data-status="sent"])')
            .filter({ hasText: text })
            .waitFor({ timeout: UI_TIMEOUT });
        }
        // Give the outbox time to try (and fail) at least once while offline.
        await alicePanel.waitForTimeout(3000);
        await shot(alicePanel, 'offline-pending');
        assert.equal(await sentMessage(alicePanel, TEXTS[0] as string).count(), 0);
      } finally {
        await goOnline();
      }
      for (const text of TEXTS) await sentMessage(alicePanel, text).waitFor({ timeout: 45_000 });
    });
    await shot(alicePanel, 'back-online-delivered');

    const bob = session('bob');
    const all = (
      await Promise.all((await api.conversations(bob, 'inbox')).map((c) => api.messages(bob, c.id)))
    ).flat();
    for (const text of TEXTS) {
      assert.equal(all.filter((m) => m.text === text).length, 1, `"${text}" must be stored exactly once`);
    }
    assert.equal(
      await alicePanel
        .locator('[data-testid="message"]')
        .filter({ hasText: TEXTS[1] as string })
        .count(),
      1,
    );
  },
);
