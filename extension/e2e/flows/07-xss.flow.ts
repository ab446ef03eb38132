import assert from 'node:assert/strict';
import { openPanel } from '../harness/browser.ts';
import { flow, UI_TIMEOUT } from '../harness/flow.ts';
import { openConversation, openTab, sentMessage, startsWith } from '../harness/panel.ts';
import { PASSWORD, shot, world } from '../harness/world.ts';

const NAME = '<img src=x onerror="window.__clipdmXss=\'name\'">';
const TEXT =
  '<script>window.__clipdmXss="script"</script><img src=x onerror="window.__clipdmXss=\'text\'"> hi';

flow('7. an XSS payload in a display name and a message shows as text and runs nothing', async () => {
  const { api, people } = world();
  const mallory = await api.register('mallory', PASSWORD, NAME);
  world().sessions.set('mallory', mallory);
  // Alice takes messages from everyone (flow 2), so this lands in her requests.
  await api.sendText(mallory, await api.directConversation(mallory, 'alice'), TEXT);

  const alicePanel = await openPanel(people.alice);
  await openTab(alicePanel, 'Requests');
  const row = alicePanel.getByRole('button', { name: startsWith(NAME) });
  await row.waitFor({ timeout: 70_000 });
  await openConversation(alicePanel, NAME);
  await sentMessage(alicePanel, TEXT).waitFor({ timeout: UI_TIMEOUT });
  await alicePanel.getByRole('heading', { name: NAME }).waitFor();
  await shot(alicePanel, 'xss-as-text');

  const effects = await alicePanel.evaluate(() => ({
    ran: (window as unknown as { __clipdmXss?: string }).__clipdmXss ?? null,
    injectedImages: document.querySelectorAll('img[src="x"]').length,
    injectedScripts: [...document.querySelectorAll('script')].filter((s) =>
      s.textContent?.includes('__clipdmXss'),
    ).length,
  }));
  assert.deepEqual(effects, { ran: null, injectedImages: 0, injectedScripts: 0 });
  // Leave the request as it was found: declined, so later runs of the panel start clean.
  await alicePanel.getByRole('button', { name: 'Delete' }).click();
});
