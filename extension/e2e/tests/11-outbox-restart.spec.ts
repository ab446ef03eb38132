import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { PASSWORD } from '../harness/accounts.ts';
import { startOutageProxy } from '../harness/outage-proxy.ts';
import { expectingFailedRequests } from '../harness/page-errors.ts';
import { openTab, sendText, sentMessage, signUp, startDirect, startsWith } from '../harness/panel.ts';
import { openPanel, type Person } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { UI_TIMEOUT } from '../harness/timeouts.ts';

const BEFORE = 'Outbox: before the fault';
/** One message per way the worker fails, in the order they are typed. */
const TEXTS = [
  'Outbox 1: typed while the worker answers 503',
  'Outbox 2: typed while its answers are lost',
  'Outbox 3: typed while connections are refused',
];
/** A request line the relay failed: a send of the outbox. */
const SEND = /^\S+ POST \/v1\/conversations\/[^/]+\/messages /;

/** The message of the open conversation showing `text`, still in the outbox ("Sending…"). */
function waiting(panel: Page, text: string) {
  return panel.locator('[data-testid="message"][data-status="pending"]').filter({ hasText: text });
}

/** Every message of the conversation showing `text`, whatever its state. */
function shown(panel: Page, text: string) {
  return panel.locator('[data-testid="message"]').filter({ hasText: text });
}

/** Opens Finn's conversation from the inbox (where the panel opens after a restart). */
async function openFinn(panel: Page): Promise<void> {
  await openTab(panel, 'Inbox');
  await panel
    .getByRole('button', { name: startsWith('Finn Outbox') })
    .first()
    .click({ timeout: UI_TIMEOUT });
}

test('11. outbox: messages queued while the worker fails survive a browser restart and are delivered once each, in order', async ({
  api,
  accounts,
  people,
  suite,
}) => {
  const relay = await startOutageProxy(Number(new URL(suite.workerUrl).port));
  let erin: Person = await people.launch('erin', 'profile-erin-outbox');
  try {
    await erin.serviceWorker.evaluate(
      `chrome.storage.local.set({ apiBaseUrl: ${JSON.stringify(relay.url)} })`,
    );
    let panel = await openPanel(erin);
    await signUp(panel, accounts, 'erin.outbox', 'Erin Outbox');
    const finn = accounts.remember(await api.register('finn.outbox', PASSWORD, 'Finn Outbox'));
    await api.befriend(await accounts.session('erin.outbox'), finn);
    await startDirect(panel, 'finn.outbox');
    await sendText(panel, BEFORE);
    await sentMessage(panel, BEFORE).waitFor({ timeout: UI_TIMEOUT });
    // The chat was started from New message and the inbox is not shown again before the restart: its
    // saved copy must have gained Finn's chat on its own for the panel to find it with the worker down.

    // What Finn's side of the API holds, oldest first: the texts of this test only.
    const conversationId = await api.directConversation(finn, 'erin.outbox');
    const delivered = async () =>
      (await api.messages(finn, conversationId))
        .sort((a, b) => a.seq - b.seq)
        .map((m) => m.text)
        .filter((text) => text !== null && [BEFORE, ...TEXTS].includes(text));
    const [answered503, answerLost, refused] = TEXTS as [string, string, string];

    await expectingFailedRequests(erin, async () => {
      // The worker answers 503 with Retry-After (as when D1 fails): the send is tried, stored nowhere, waits.
      await relay.setFault('unavailable');
      await sendText(panel, answered503);
      await waiting(panel, answered503).waitFor({ timeout: UI_TIMEOUT });
      await expect
        .poll(() => relay.failed.filter((line) => line.startsWith('unavailable') && SEND.test(line)).length, {
          message: 'the outbox to try the send and get the 503',
          timeout: UI_TIMEOUT,
        })
        .toBeGreaterThan(0);
      expect(await delivered()).toEqual([BEFORE]);

      // The sends reach the worker but the answers are lost: the worker stores the first, the panel never
      // learns it and sends it again with the same clientId, which the worker must not store twice.
      await relay.setFault('answer-lost');
      await sendText(panel, answerLost);
      await waiting(panel, answerLost).waitFor({ timeout: UI_TIMEOUT });
      await expect
        .poll(() => relay.failed.filter((line) => line.startsWith('answer-lost') && SEND.test(line)).length, {
          message: 'the outbox to send the first message twice, both answers lost',
          timeout: UI_TIMEOUT,
        })
        .toBeGreaterThanOrEqual(2);
      expect(await delivered()).toEqual([BEFORE, answered503]);
      await expect(waiting(panel, answered503), 'the panel was never told: it still waits').toHaveCount(1);

      // Nothing listens at the worker's address any more.
      await relay.setFault('refuse');
      await sendText(panel, refused);
      for (const text of TEXTS) await expect(waiting(panel, text)).toHaveCount(1);
      await shot(panel, 'pending-before-restart');
      // Restart with the worker still refused. The old browser's retries fail on purpose until it closes, so
      // the restart is part of this step.
      erin = await people.restart(erin);
    });

    // The queue is still there, in the new browser's panel.
    await expectingFailedRequests(erin, async () => {
      panel = await openPanel(erin);
      await expect(
        panel.getByRole('alert').filter({ hasText: 'Saved copy' }),
        'the inbox shows its saved copy',
      ).toBeVisible({ timeout: UI_TIMEOUT });
      await openFinn(panel);
      for (const text of TEXTS) await waiting(panel, text).waitFor({ timeout: UI_TIMEOUT });
      await shot(panel, 'pending-after-restart');
      expect(await delivered()).toEqual([BEFORE, answered503]);
      // The worker is back; the browser restarts again. Until it closes, its panel's retries may still meet
      // the refused address (they fail on purpose), so that is part of this step too.
      await relay.setFault(null);
      erin = await people.restart(erin);
    });

    // Before any panel opens, the new browser's service worker sends the queue: each message once, in the
    // order typed.
    const extensionPages = () =>
      erin.context.pages().filter((page) => page.url().startsWith('chrome-extension://'));
    expect(extensionPages(), 'no panel is open after the restart').toEqual([]);
    await expect
      .poll(delivered, { message: 'the service worker to deliver the queue', timeout: UI_TIMEOUT })
      .toEqual([BEFORE, ...TEXTS]);
    expect(extensionPages(), 'delivered with no panel open').toEqual([]);

    // The panel shows them sent, each once, and nothing still waiting.
    panel = await openPanel(erin);
    await openFinn(panel);
    for (const text of TEXTS) await sentMessage(panel, text).waitFor({ timeout: UI_TIMEOUT });
    for (const text of TEXTS) await expect(shown(panel, text), `"${text}" shown once`).toHaveCount(1);
    await expect(panel.locator('[data-testid="message"]:not([data-status="sent"])')).toHaveCount(0);
    await shot(panel, 'delivered-after-restart');
    expect(await delivered()).toEqual([BEFORE, ...TEXTS]);
  } finally {
    await erin.context.close();
    await relay.close();
  }
});
