import assert from 'node:assert/strict';
import { openPanel } from '../harness/browser.ts';
import { flow, UI_TIMEOUT } from '../harness/flow.ts';
import { openTab, sendText, sentMessage, signUp, startDirect, startsWith } from '../harness/panel.ts';
import { waitFor } from '../harness/processes.ts';
import { PASSWORD, session, shot, world } from '../harness/world.ts';

flow(
  '2. strangers land in requests: accept one, delete one, report one (the admin API sees it)',
  async () => {
    const { api, people } = world();
    const alicePanel = await openPanel(people.alice);

    // Alice opens her DMs to everyone in Settings.
    await openTab(alicePanel, 'Inbox');
    await alicePanel.getByRole('button', { name: 'Settings' }).click();
    const policy = alicePanel.getByRole('radiogroup', { name: 'Who can send you direct messages' });
    await policy.getByRole('radio', { name: startsWith('Everyone') }).check();
    await waitFor(
      'the policy to be saved',
      async () =>
        (await api.call<{ dmPolicy: string }>('GET', '/v1/me/settings', { token: session('alice').token }))
          .dmPolicy === 'everyone',
      UI_TIMEOUT,
    );
    await shot(alicePanel, 'settings-everyone');

    // Three strangers write: Carol from her panel, Dave and Erin through the API.
    const carolPanel = await openPanel(people.carol);
    await signUp(carolPanel, 'carol', 'Carol Rossi');
    await startDirect(carolPanel, 'alice');
    await sendText(carolPanel, 'Hi! Loved your sunset video.');
    await sentMessage(carolPanel, 'Hi! Loved your sunset video.').waitFor({ timeout: UI_TIMEOUT });
    for (const [handle, name, text] of [
      ['dave', 'Dave Diaz', 'Want to collab on a skate video?'],
      ['erin', 'Erin Spam', 'Cheap followers!!! Click my link'],
    ] as const) {
      const stranger = await api.register(handle, PASSWORD, name);
      world().sessions.set(handle, stranger);
      await api.sendText(stranger, await api.directConversation(stranger, 'alice'), text);
    }

    await openTab(alicePanel, 'Requests');
    await alicePanel.getByTestId('requests-count').filter({ hasText: /^3$/ }).waitFor({ timeout: 70_000 });
    const request = (name: string) => alicePanel.getByRole('article', { name: startsWith(name) });
    for (const name of ['Carol Rossi', 'Dave Diaz', 'Erin Spam'])
      await request(name).waitFor({ timeout: UI_TIMEOUT });
    await shot(alicePanel, 'requests-three');

    await request('Carol Rossi').getByRole('button', { name: 'Accept' }).click();
    await request('Carol Rossi').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await request('Dave Diaz').getByRole('button', { name: 'Delete' }).click();
    await request('Dave Diaz').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await request('Erin Spam').getByRole('button', { name: 'Report' }).click();
    const dialog = alicePanel.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Spam' }).check();
    await shot(alicePanel, 'report-dialog');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await request('Erin Spam').waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    // Carol's conversation is in the inbox now; the other two are gone from Alice's boxes.
    await openTab(alicePanel, 'Inbox');
    await alicePanel
      .getByRole('button', { name: startsWith('Carol Rossi') })
      .waitFor({ timeout: UI_TIMEOUT });
    const [inbox, requests] = await Promise.all([
      api.conversations(session('alice'), 'inbox'),
      api.conversations(session('alice'), 'requests'),
    ]);
    assert.equal(requests.length, 0);
    assert.equal(inbox.length, 2);

    // The moderators see the report, with a copy of what Erin sent.
    const { reports } = await api.openReports();
    const reported = reports.filter((r) => JSON.stringify(r).includes('Cheap followers!!! Click my link'));
    assert.equal(reported.length, 1, `open reports: ${JSON.stringify(reports)}`);
    assert.match(JSON.stringify(reported[0]), /"spam"/);
  },
);
