import { expect, test } from '../fixtures.ts';
import { PASSWORD } from '../harness/accounts.ts';
import { openConversation, openTab, sentMessage, startsWith } from '../harness/panel.ts';
import { openPanel } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { LIVE_TIMEOUT, UI_TIMEOUT } from '../harness/timeouts.ts';

const NAME = '<img src=x onerror="window.__clipdmXss=\'name\'">';
const TEXT =
  '<script>window.__clipdmXss="script"</script><img src=x onerror="window.__clipdmXss=\'text\'"> hi';

test('7. an XSS payload in a display name and a message shows as text and runs nothing', async ({
  api,
  accounts,
  alice,
}) => {
  const mallory = accounts.remember(await api.register('mallory', PASSWORD, NAME));
  // Alice takes messages from everyone (test 2), so this lands in her requests.
  await api.sendText(mallory, await api.directConversation(mallory, 'alice'), TEXT);

  const alicePanel = await openPanel(alice);
  await openTab(alicePanel, 'Requests');
  const row = alicePanel.getByRole('button', { name: startsWith(NAME) });
  await row.waitFor({ timeout: LIVE_TIMEOUT });
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
  expect(effects).toEqual({ ran: null, injectedImages: 0, injectedScripts: 0 });
  // Leave the request as it was found: declined, so later runs of the panel start clean.
  await alicePanel.getByRole('button', { name: 'Delete' }).click();
});
