import { expect, test } from '../fixtures.ts';
import {
  composerReady,
  conversationMenu,
  openConversation,
  openTab,
  sendText,
  sentMessage,
} from '../harness/panel.ts';
import { openPanel } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { LIVE_TIMEOUT, UI_TIMEOUT } from '../harness/timeouts.ts';

test('5. a group of three: who wrote what, a reaction, an unsend, a rename', async ({
  api,
  accounts,
  alice,
  bob,
  carol,
}) => {
  // Carol only takes messages from mutual friends: Alice and she follow each other first.
  await api.befriend(await accounts.session('alice'), await accounts.session('carol'));

  const alicePanel = await openPanel(alice);
  await openTab(alicePanel, 'Inbox');
  await alicePanel.getByRole('button', { name: 'New group' }).click();
  for (const handle of ['bob', 'carol']) {
    await alicePanel.getByLabel('Search people').fill(handle);
    await alicePanel
      .locator('label')
      .filter({ hasText: `@${handle}` })
      .getByRole('checkbox')
      .check({ timeout: UI_TIMEOUT });
  }
  // The name last, as a person would, and checked: once, a fill made the instant the view opened was lost.
  const groupName = alicePanel.getByLabel('Group name (optional)');
  await groupName.fill('Weekend plan');
  await expect(groupName).toHaveValue('Weekend plan');
  await shot(alicePanel, 'new-group');
  await alicePanel.getByRole('button', { name: 'Create group' }).click();
  await composerReady(alicePanel);
  await sendText(alicePanel, 'Picnic on Saturday?');
  await sentMessage(alicePanel, 'Picnic on Saturday?').waitFor({ timeout: UI_TIMEOUT });

  // Bob reacts; Alice sees the count.
  const bobPanel = await openPanel(bob);
  await openTab(bobPanel, 'Inbox');
  await openConversation(bobPanel, 'Weekend plan');
  const picnic = sentMessage(bobPanel, 'Picnic on Saturday?');
  await picnic.waitFor({ timeout: UI_TIMEOUT });
  await picnic.getByRole('button', { name: 'More actions' }).click();
  await picnic.getByRole('button', { name: 'React with 👍' }).click();
  await picnic.getByRole('button', { name: '👍, 1 reaction' }).waitFor({ timeout: UI_TIMEOUT });
  await sentMessage(alicePanel, 'Picnic on Saturday?')
    .getByRole('button', { name: '👍, 1 reaction' })
    .waitFor({ timeout: LIVE_TIMEOUT });

  // Alice sends a message by mistake and unsends it: everyone sees the tombstone.
  await sendText(alicePanel, 'Oops, that was for my sister');
  const oops = sentMessage(alicePanel, 'Oops, that was for my sister');
  await oops.waitFor({ timeout: UI_TIMEOUT });
  await sentMessage(bobPanel, 'Oops, that was for my sister').waitFor({ timeout: LIVE_TIMEOUT });
  await oops.getByRole('button', { name: 'More actions' }).click();
  await oops.getByRole('button', { name: 'Unsend' }).click();
  await oops.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await sentMessage(alicePanel, 'Message unsent').waitFor({ timeout: UI_TIMEOUT });
  await sentMessage(bobPanel, 'Message unsent').waitFor({ timeout: LIVE_TIMEOUT });
  await shot(bobPanel, 'group-reaction-unsent');

  const carolPanel = await openPanel(carol);
  await openTab(carolPanel, 'Inbox');
  await openConversation(carolPanel, 'Weekend plan');
  await sentMessage(carolPanel, 'Picnic on Saturday?').waitFor({ timeout: UI_TIMEOUT });
  await sentMessage(carolPanel, 'Message unsent').waitFor({ timeout: UI_TIMEOUT });
  await carolPanel.getByText('Oops, that was for my sister').waitFor({ state: 'detached' });
  // Others' messages say who wrote them; the header says who is in the group.
  await carolPanel.locator('.sender').filter({ hasText: 'Alice' }).first().waitFor({ timeout: UI_TIMEOUT });
  await carolPanel.locator('.conversation-title .subtitle').filter({ hasText: 'You' }).waitFor();
  await shot(carolPanel, 'group-third-member');

  // The owner renames the group from its details; the others see the new name live.
  await conversationMenu(alicePanel, 'Group info');
  await alicePanel.getByRole('heading', { name: '3 members' }).waitFor({ timeout: UI_TIMEOUT });
  await alicePanel.getByLabel('Group name', { exact: true }).fill('Weekend plans');
  await alicePanel.getByRole('button', { name: 'Save' }).click();
  await carolPanel.getByRole('heading', { name: 'Weekend plans' }).waitFor({ timeout: LIVE_TIMEOUT });
  await shot(alicePanel, 'group-info');
  await alicePanel.keyboard.press('Escape');
  await composerReady(alicePanel);
});
