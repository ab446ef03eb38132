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
    const origin = (r: import('playwright-core').Request) => { try { return r.serviceWorker() ? 'sw' : r.frame().url().slice(0, 60); } catch { return '?'; } };
  alice.context.on('request', (r) => { if (r.url().includes('8793')) console.log('DEBUG req', r.method(), r.url().slice(22), origin(r)); });
  alice.context.on('requestfinished', (r) => { if (r.url().includes('8793')) console.log('DEBUG done', r.method(), r.url().slice(22), origin(r)); });
  alice.context.on('requestfailed', (r) => { if (r.url().includes('8793')) console.log('DEBUG fail', r.method(), r.url().slice(22), origin(r), r.failure()?.errorText); });
  await alice.serviceWorker.evaluate(`(() => { self.__log = []; const f = self.fetch.bind(self); self.fetch = (...a) => { const u = String(a[0] && a[0].url || a[0]); self.__log.push(new Date().toISOString().slice(11,23) + ' ' + u); return f(...a).then((r) => { self.__log.push('ok ' + r.status + ' ' + u); return r; }, (e) => { self.__log.push('err ' + e + ' ' + u); throw e; }); }; })()`);
  console.log('DEBUG going offline', new Date().toISOString());
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
        console.log('DEBUG before', await alicePanel.locator('[data-testid="message"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-status')}:${e.textContent}`)));
      await alicePanel.waitForTimeout(3000);
      console.log('DEBUG sw fetch', await alice.serviceWorker.evaluate(`fetch('${api.baseUrl}/v1/health').then((r) => 'ok ' + r.status, (e) => 'failed ' + e)`));
      console.log('DEBUG panel fetch', await alicePanel.evaluate(`fetch('${api.baseUrl}/v1/health').then((r) => 'ok ' + r.status, (e) => 'failed ' + e)`));
      console.log('DEBUG pages', alice.context.pages().map((p) => p.url()));
      console.log('DEBUG sws', alice.context.serviceWorkers().map((w) => w.url()), alice.serviceWorker.url());
      const bobS = session('bob');
      const stored = (await Promise.all((await api.conversations(bobS, 'inbox')).map((c) => api.messages(bobS, c.id)))).flat().map((m) => `${m.text} ${(m as unknown as {createdAt: string}).createdAt} ${(m as unknown as {clientId: string}).clientId}`);
      console.log('DEBUG stored while offline', stored);
      console.log('DEBUG after', await alicePanel.locator('[data-testid="message"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-status')}:${e.textContent}`)));
      console.log('DEBUG sw log', await alice.serviceWorker.evaluate('self.__log'));
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
