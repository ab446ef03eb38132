import { createHash } from 'node:crypto';
import { expect, test } from '../fixtures.ts';
import { PASSWORD } from '../harness/accounts.ts';
import { expectingFailedRequests } from '../harness/page-errors.ts';
import { openPanel, openSite } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { UI_TIMEOUT } from '../harness/timeouts.ts';

test('9. "Continue with TikTok": a squatter loses the handle to its site owner, who signs in verified, proves an email and is suggested; Message on the profile reaches only them', async ({
  api,
  accounts,
  alice,
  newcomer,
  site,
}) => {
  // Someone registers the creator's handle with a password first.
  const squatter = await api.register('dana.creates', PASSWORD, 'Not Dana');
  // Before the owner arrives, "Message" on the profile does not reach the squatter.
  const aliceSite = await openSite(alice, `${site}/@dana.creates`);
  await aliceSite.getByText("@dana.creates isn't on ClipDM yet.").waitFor({ timeout: UI_TIMEOUT });

  const panel = await openPanel(newcomer);
  const continueButton = panel.getByRole('button', { name: 'Continue with TikTok' });
  await continueButton.waitFor({ timeout: UI_TIMEOUT });
  await shot(panel, 'site-sign-in');
  // `identity.launchWebAuthFlow` opens the site's authorize page (the stand-in) in a window of its own.
  const [authorize] = await Promise.all([
    newcomer.context.waitForEvent('page', { timeout: UI_TIMEOUT }),
    continueButton.click(),
  ]);
  await authorize.getByLabel('Your username on the site').fill('dana.creates');
  await authorize.getByLabel('Display name').fill('Dana Creates');
  await shot(authorize, 'site-authorize-stand-in');
  // A first sign-in asks for the birthdate once: the worker's `400 birthdate_required` is expected.
  await expectingFailedRequests(newcomer, async () => {
    await authorize.getByRole('button', { name: 'Allow' }).click();
    await panel.getByRole('heading', { name: 'One more thing' }).waitFor({ timeout: UI_TIMEOUT });
  });
  await panel.locator('#site-birthdate').fill('1995-02-03');
  await panel.getByRole('button', { name: 'Finish signing up' }).click();
  await panel.getByRole('tab', { name: /^Inbox/ }).waitFor({ timeout: UI_TIMEOUT });
  await panel.getByRole('button', { name: 'Settings' }).click();
  await panel.getByText('Linked to TikTok: @dana.creates is verified.').waitFor({ timeout: UI_TIMEOUT });
  await shot(panel, 'site-signed-in-verified');

  // The squatter keeps the account under a new handle, unverified.
  const renamed = await api.call<{ handle: string; verified: boolean }>('GET', '/v1/me', {
    token: squatter.token,
  });
  expect(renamed.handle).toMatch(/^dana\.creates_[a-z0-9]{4}$/);
  expect(renamed.verified).toBe(false);

  // Dana proves an email with the code (read from the development outbox); Alice has it in her contacts,
  // so Dana becomes her suggested friend. A claim without the code would not count.
  const email = 'dana@example.com';
  await panel.getByLabel('Email', { exact: true }).fill(email);
  await panel.getByRole('button', { name: 'Send code' }).click();
  await panel.getByText(`We sent a 6-digit code to ${email}.`).waitFor({ timeout: UI_TIMEOUT });
  const outbox = await api.call<{ messages: { code: string }[] }>('GET', `/v1/dev/outbox?to=${email}`);
  await panel.getByLabel('6-digit code').fill(outbox.messages[0]?.code ?? '');
  await panel.getByRole('button', { name: 'Confirm' }).click();
  await panel.getByText('d•••@example.com').waitFor({ timeout: UI_TIMEOUT });
  const hash = createHash('sha256').update(email).digest('hex');
  const aliceToken = (await accounts.session('alice')).token;
  await api.call('PUT', '/v1/me/contacts', { token: aliceToken, body: { hashes: [hash] } });
  const suggested = await api.call<{ users: { handle: string; verified: boolean }[] }>(
    'GET',
    '/v1/me/suggested',
    { token: aliceToken },
  );
  expect(suggested.users.map((u) => [u.handle, u.verified])).toEqual([['dana.creates', true]]);

  // Now "Message" on the profile is about the verified owner: her own privacy setting (mutual friends, the
  // adult default) is what stands between her and Alice.
  await aliceSite.reload();
  await aliceSite
    .getByText("@dana.creates doesn't accept messages from you.")
    .waitFor({ timeout: UI_TIMEOUT });
  await expect(aliceSite.getByText("@dana.creates isn't on ClipDM yet.")).toHaveCount(0);
  await aliceSite.close();
});
