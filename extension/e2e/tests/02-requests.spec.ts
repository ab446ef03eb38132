import { expect, test } from '../fixtures.ts';
import { PASSWORD } from '../harness/accounts.ts';
import { openTab, sendText, sentMessage, signUp, startDirect, startsWith } from '../harness/panel.ts';
import { openPanel } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { LIVE_TIMEOUT, UI_TIMEOUT } from '../harness/timeouts.ts';

test('2. strangers land in requests: accept one, delete one, report one (the admin API sees it)', async ({
  api,
  accounts,
  alice,
  carol,
}) => {
  const alicePanel = await openPanel(alice);
  const aliceSession = await accounts.session('alice');

  // Alice opens her DMs to everyone in Settings.
  await openTab(alicePanel, 'Inbox');
  await alicePanel.getByRole('button', { name: 'Settings' }).click();
  const policy = alicePanel.getByRole('radiogroup', { name: 'Who can send you direct messages' });
  await policy.getByRole('radio', { name: startsWith('Everyone') }).check();
  await expect
    .poll(
      async () =>
        (await api.call<{ dmPolicy: string }>('GET', '/v1/me/settings', { token: aliceSession.token }))
          .dmPolicy,
      { message: 'the policy to be saved', timeout: UI_TIMEOUT },
    )
    .toBe('everyone');
  await shot(alicePanel, 'settings-everyone');

  // Three strangers write: Carol from her panel, Dave and Erin through the API.
  const carolPanel = await openPanel(carol);
  await signUp(carolPanel, accounts, 'carol', 'Carol Rossi');
  await startDirect(carolPanel, 'alice');
  await sendText(carolPanel, 'Hi! Loved your sunset video.');
  await sentMessage(carolPanel, 'Hi! Loved your sunset video.').waitFor({ timeout: UI_TIMEOUT });
  for (const [handle, name, text] of [
    ['dave', 'Dave Diaz', 'Want to collab on a skate video?'],
    ['erin', 'Erin Spam', 'Cheap followers!!! Click my link'],
  ] as const) {
    const stranger = accounts.remember(await api.register(handle, PASSWORD, name));
    await api.sendText(stranger, await api.directConversation(stranger, 'alice'), text);
  }

  await openTab(alicePanel, 'Requests');
  await alicePanel
    .getByTestId('requests-count')
    .filter({ hasText: /^3$/ })
    .waitFor({ timeout: LIVE_TIMEOUT });
  const request = (name: string) => alicePanel.getByRole('article', { name: startsWith(name) });
  for (const name of ['Carol Rossi', 'Dave Diaz', 'Erin Spam'])
    await request(name).waitFor({ timeout: UI_TIMEOUT });
  await shot(alicePanel, 'requests-three');

  await request('Carol Rossi').getByRole('button', { name: 'Accept' }).click();
  await request('Carol Rossi').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await request('Dave Diaz').getByRole('button', { name: 'Delete' }).click();
  await request('Dave Diaz').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  // The panel hides the request at once and sends the removal when the Undo toast is gone.
  const toast = alicePanel.getByRole('status');
  await expect(toast).toContainText('Request deleted', { timeout: UI_TIMEOUT });
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
  await request('Erin Spam').getByRole('button', { name: 'Report' }).click();
  const dialog = alicePanel.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Spam' }).check();
  await shot(alicePanel, 'report-dialog');
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await request('Erin Spam').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await expect(toast).toContainText('Reported. Thanks for telling us.', { timeout: UI_TIMEOUT });
  await shot(alicePanel, 'report-undo-toast');

  // Carol's conversation is in the inbox now; the other two are gone from Alice's boxes.
  await openTab(alicePanel, 'Inbox');
  await alicePanel.getByRole('button', { name: startsWith('Carol Rossi') }).waitFor({ timeout: UI_TIMEOUT });
  // The delete and the report reach the worker once their Undo window (6 s) has closed.
  await expect
    .poll(async () => (await api.conversations(aliceSession, 'requests')).length, {
      message: 'no requests left once the Undo window has closed',
      timeout: UI_TIMEOUT,
    })
    .toBe(0);
  expect(await api.conversations(aliceSession, 'inbox')).toHaveLength(2);

  // The moderators see the report, with a copy of what Erin sent.
  const erinReports = async () =>
    (await api.openReports()).reports.filter((r) =>
      JSON.stringify(r).includes('Cheap followers!!! Click my link'),
    );
  await expect
    .poll(async () => (await erinReports()).length, { message: 'the report of Erin', timeout: UI_TIMEOUT })
    .toBe(1);
  expect(JSON.stringify((await erinReports())[0])).toMatch(/"spam"/);
});
