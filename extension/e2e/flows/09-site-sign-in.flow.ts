import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { launchPerson, openPanel, openSite } from '../harness/browser.ts';
import { flow, UI_TIMEOUT } from '../harness/flow.ts';
import { PASSWORD, session, shot, world } from '../harness/world.ts';

flow(
  '9. "Continue with TikTok": a squatter loses the handle to its site owner, who signs in verified, proves an email and is suggested; Message on the profile reaches only them',
  async () => {
    const { api, extensionDir, people, site, tempDir } = world();
    // Someone registers the creator's handle with a password first.
    const squatter = await api.register('dana.creates', PASSWORD, 'Not Dana');
    const dana = await launchPerson('dana', extensionDir, tempDir);
    try {
      // Before the owner arrives, "Message" on the profile does not reach the squatter.
      const aliceSite = await openSite(people.alice, `${site}/@dana.creates`);
      await aliceSite.getByText("@dana.creates isn't on ClipDM yet.").waitFor({ timeout: UI_TIMEOUT });

      const panel = await openPanel(dana);
      const continueButton = panel.getByRole('button', { name: 'Continue with TikTok' });
      await continueButton.waitFor({ timeout: UI_TIMEOUT });
      await shot(panel, 'site-sign-in');
      const [authorize] = await Promise.all([
        dana.context.waitForEvent('page', { timeout: UI_TIMEOUT }),
        continueButton.click(),
      ]);
      await authorize.getByLabel('Your username on the site').fill('dana.creates');
      await authorize.getByLabel('Display name').fill('Dana Creates');
      await shot(authorize, 'site-authorize-stand-in');
      await authorize.getByRole('button', { name: 'Allow' }).click();

      // A first sign-in asks for the birthdate once.
      await panel.getByRole('heading', { name: 'One more thing' }).waitFor({ timeout: UI_TIMEOUT });
      await panel.locator('#site-birthdate').fill('1995-02-03');
      await panel.getByRole('button', { name: 'Finish signing up' }).click();
      await panel.getByRole('tab', { name: /^Inbox/ }).waitFor({ timeout: UI_TIMEOUT });
      await panel.getByRole('button', { name: 'Settings' }).click();
      await panel.getByText('Linked to TikTok: @dana.creates is verified.').waitFor({ timeout: UI_TIMEOUT });
      await shot(panel, 'site-signed-in-verified');

      // Dana proves an email with the code (read from the development outbox); Alice has it in her
      // contacts, so Dana becomes her suggested friend. A claim without the code would not count.
      const email = 'dana@example.com';
      await panel.getByLabel('Email', { exact: true }).fill(email);
      await panel.getByRole('button', { name: 'Send code' }).click();
      await panel.getByText(`We sent a 6-digit code to ${email}.`).waitFor({ timeout: UI_TIMEOUT });
      const outbox = await api.call<{ messages: { code: string }[] }>('GET', `/v1/dev/outbox?to=${email}`);
      await panel.getByLabel('6-digit code').fill(outbox.messages[0]?.code ?? '');
      await panel.getByRole('button', { name: 'Confirm' }).click();
      await panel.getByText('d•••@example.com').waitFor({ timeout: UI_TIMEOUT });
      const hash = createHash('sha256').update(email).digest('hex');
      const alice = session('alice');
      await api.call('PUT', '/v1/me/contacts', { token: alice.token, body: { hashes: [hash] } });
      const suggested = await api.call<{ users: { handle: string; verified: boolean }[] }>(
        'GET',
        '/v1/me/suggested',
        { token: alice.token },
      );
      assert.deepEqual(
        suggested.users.map((u) => [u.handle, u.verified]),
        [['dana.creates', true]],
      );

      // The squatter keeps the account under a new handle, unverified.
      const renamed = await api.call<{ handle: string; verified: boolean }>('GET', '/v1/me', {
        token: squatter.token,
      });
      assert.match(renamed.handle, /^dana\.creates_[a-z0-9]{4}$/);
      assert.equal(renamed.verified, false);

      // Now "Message" on the profile is for the verified owner.
      await aliceSite.reload();
      await aliceSite.getByRole('button', { name: 'Message' }).waitFor({ timeout: UI_TIMEOUT });
      assert.equal(await aliceSite.getByText("@dana.creates isn't on ClipDM yet.").count(), 0);
      await aliceSite.close();
    } finally {
      await dana.context.close();
    }
  },
);
