import { SELF } from 'cloudflare:test';
import type { User } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { call, expectError, signUp, type TestUser } from './helpers.ts';
import { callBack, EXTENSION_RETURN, fragmentOf } from './site-flow.ts';

let counter = 0;
function uniqueFacebookId(): string {
  counter += 1;
  return `10${Date.now()}${counter}${Math.floor(Math.random() * 1000)}`;
}

async function ticketOf(user: TestUser) {
  const res = await user.api('/v1/me/facebook-link', { method: 'POST' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { ticket: string }).ticket;
}

async function startFacebook(query: Record<string, string>) {
  const params = new URLSearchParams({ return: EXTENSION_RETURN, ...query });
  return SELF.fetch(`http://clipdm.test/v1/auth/facebook/start?${params}`, { redirect: 'manual' });
}

/** The stand-in's dialog answered as Facebook user `fbId` with these friends: the redirect it gives. */
async function decideOnFacebook(
  dialogUrl: string,
  person: { fbId: string; friends?: string[]; deny?: boolean },
) {
  const asked = new URL(dialogUrl);
  const form = new URLSearchParams();
  for (const name of ['client_id', 'redirect_uri', 'state', 'code_challenge']) {
    form.set(name, asked.searchParams.get(name) ?? '');
  }
  form.set('fb_id', person.fbId);
  form.set('friends', (person.friends ?? []).join(','));
  form.set('decision', person.deny ? 'deny' : 'allow');
  const res = await fetch(new URL('decide', asked), { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('location') as string;
}

/** The whole link: ticket, dialog, callback, and the confirm of its `link_code` by `user`. */
async function linkFacebook(user: TestUser, person: { fbId: string; friends?: string[]; deny?: boolean }) {
  const start = await startFacebook({ link: await ticketOf(user) });
  expect(start.status, await start.clone().text()).toBe(302);
  const fragment = fragmentOf(
    await callBack(await decideOnFacebook(start.headers.get('location') as string, person)),
  );
  const linkCode = fragment.get('link_code');
  if (!linkCode) return fragment;
  const res = await user.api('/v1/me/facebook-link/confirm', { body: { code: linkCode } });
  expect(res.status, await res.clone().text()).toBe(200);
  return new URLSearchParams({ linked: 'facebook' });
}

async function suggestedTo(user: TestUser) {
  return ((await (await user.api('/v1/me/suggested')).json()) as { users: User[] }).users.map(
    (u) => u.handle,
  );
}

describe('Facebook friends', () => {
  it('makes friends who both linked suggested friends of each other', async () => {
    const [ann, ben, cat] = [await signUp('ann'), await signUp('ben'), await signUp('cat')];
    const [annFb, benFb, catFb] = [uniqueFacebookId(), uniqueFacebookId(), uniqueFacebookId()];
    expect((await linkFacebook(ann, { fbId: annFb, friends: [benFb] })).get('linked')).toBe('facebook');
    // Ann's friend Ben has not linked yet, so Facebook does not list him: nobody is suggested.
    expect(await suggestedTo(ann)).toEqual([]);
    expect((await linkFacebook(ben, { fbId: benFb, friends: [annFb] })).get('linked')).toBe('facebook');
    expect((await linkFacebook(cat, { fbId: catFb })).get('linked')).toBe('facebook');
    expect(await suggestedTo(ben)).toEqual([ann.handle]);
    expect(await suggestedTo(ann)).toEqual([ben.handle]);
    expect(await suggestedTo(cat)).toEqual([]);
    expect(await (await ann.api('/v1/me/facebook-link')).json()).toEqual({ linked: true });
  });

  it('survives an address-book sync, and unlinking forgets the friends both ways', async () => {
    const [ann, ben] = [await signUp('ann'), await signUp('ben')];
    const [annFb, benFb] = [uniqueFacebookId(), uniqueFacebookId()];
    await linkFacebook(ann, { fbId: annFb });
    await linkFacebook(ben, { fbId: benFb, friends: [annFb] });
    expect((await ann.api('/v1/me/contacts', { method: 'PUT', body: { hashes: [] } })).status).toBe(200);
    expect(await suggestedTo(ann)).toEqual([ben.handle]);

    expect((await ben.api('/v1/me/facebook-link', { method: 'DELETE' })).status).toBe(204);
    expect(await suggestedTo(ann)).toEqual([]);
    expect(await suggestedTo(ben)).toEqual([]);
    expect(await (await ben.api('/v1/me/facebook-link')).json()).toEqual({ linked: false });
  });

  it('passes on a refusal and changes nothing', async () => {
    const ann = await signUp('ann');
    expect((await linkFacebook(ann, { fbId: uniqueFacebookId(), deny: true })).get('error')).toBe(
      'access_denied',
    );
    expect(await (await ann.api('/v1/me/facebook-link')).json()).toEqual({ linked: false });
  });

  it('sends a reused state back with invalid_state', async () => {
    const ann = await signUp('ann');
    const start = await startFacebook({ link: await ticketOf(ann) });
    const callback = await decideOnFacebook(start.headers.get('location') as string, {
      fbId: uniqueFacebookId(),
    });
    expect(fragmentOf(await callBack(callback)).get('link_code')).toBeTruthy();
    expect(fragmentOf(await callBack(callback)).get('error')).toBe('invalid_state');
  });

  it('links only when the account that asked confirms the link code', async () => {
    const [mallory, ann] = [await signUp('mallory'), await signUp('ann')];
    const start = await startFacebook({ link: await ticketOf(mallory) });
    const callback = await decideOnFacebook(start.headers.get('location') as string, {
      fbId: uniqueFacebookId(),
    });
    const linkCode = fragmentOf(await callBack(callback)).get('link_code') as string;
    expect(await (await mallory.api('/v1/me/facebook-link')).json()).toEqual({ linked: false });
    const confirm = (user: TestUser) =>
      user.api('/v1/me/facebook-link/confirm', { body: { code: linkCode } });
    await expectError(await confirm(ann), 400, 'invalid_request');
    await expectError(await confirm(mallory), 400, 'invalid_request');
    expect(await (await mallory.api('/v1/me/facebook-link')).json()).toEqual({ linked: false });
  });

  it('reports a Graph error as provider_error (a code under the wrong flow fails PKCE)', async () => {
    const ann = await signUp('ann');
    const first = await startFacebook({ link: await ticketOf(ann) });
    const second = await startFacebook({ link: await ticketOf(ann) });
    const callback = new URL(
      await decideOnFacebook(first.headers.get('location') as string, { fbId: uniqueFacebookId() }),
    );
    callback.searchParams.set(
      'state',
      new URL(second.headers.get('location') as string).searchParams.get('state') as string,
    );
    expect(fragmentOf(await callBack(callback.toString())).get('error')).toBe('provider_error');
  });

  it('only links: start needs a live ticket and an extension return page', async () => {
    await expectError(await startFacebook({}), 400, 'invalid_request');
    expect(fragmentOf(await startFacebook({ link: 'made-up' })).get('error')).toBe('invalid_link');
    const ann = await signUp('ann');
    await expectError(
      await startFacebook({ link: await ticketOf(ann), return: 'https://evil.example/' }),
      400,
      'invalid_request',
    );
  });

  it('needs a signed-in caller for the link routes', async () => {
    await expectError(await call('/v1/me/facebook-link', { method: 'POST' }), 401, 'unauthorized');
    await expectError(await call('/v1/me/facebook-link', { method: 'DELETE' }), 401, 'unauthorized');
  });
});
