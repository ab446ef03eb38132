import type { Me, SiteExchangeResult } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { call, expectError, signUp, uniqueHandle } from './helpers.ts';
import { exchange, fragmentOf, signInWithSite, siteCallback, startSiteFlow } from './site-flow.ts';

async function ticketOf(api: (path: string, init?: { method?: string }) => Promise<Response>) {
  const res = await api('/v1/me/site-link', { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { ticket: string }).ticket;
}

describe('POST /v1/me/site-link', () => {
  it('needs a signed-in caller', async () => {
    await expectError(await call('/v1/me/site-link', { method: 'POST' }), 401, 'unauthorized');
  });

  it("links the site account to a password account: the handle becomes the site's, verified", async () => {
    const person = await signUp('pw');
    const username = uniqueHandle('linked');
    const fragment = await siteCallback({ username }, { link: await ticketOf(person.api) });
    expect(fragment.get('linked')).toBe('site');
    expect(fragment.get('code')).toBeNull();

    const me = (await (await person.api('/v1/me')).json()) as Me;
    expect(me).toMatchObject({ id: person.user.id, handle: username, verified: true });

    // From now on, the site's sign-in opens this same account.
    const code = (await siteCallback({ username })).get('code') as string;
    const body = (await (await exchange({ code })).json()) as SiteExchangeResult;
    expect(body).toMatchObject({ created: false, user: { id: person.user.id } });
  });

  it('spends the ticket: a second start with it goes back with invalid_link', async () => {
    const person = await signUp('pw');
    const ticket = await ticketOf(person.api);
    expect((await siteCallback({ username: uniqueHandle('l1') }, { link: ticket })).get('linked')).toBe(
      'site',
    );
    const again = fragmentOf(await startSiteFlow({ link: ticket }));
    expect(again.get('error')).toBe('invalid_link');
  });

  it('refuses a site account that is already linked to another account', async () => {
    const username = uniqueHandle('taken');
    const owner = await signInWithSite(username);
    const other = await signUp('pw');
    const fragment = await siteCallback({ username }, { link: await ticketOf(other.api) });
    expect(fragment.get('error')).toBe('already_linked');
    const me = (await (await other.api('/v1/me')).json()) as Me;
    expect(me).toMatchObject({ handle: other.handle, verified: false });
    const still = (await (await owner.api('/v1/me')).json()) as Me;
    expect(still).toMatchObject({ handle: username, verified: true });
  });

  it('refuses a second site account for an account that already has one', async () => {
    const person = await signInWithSite(uniqueHandle('one'));
    const fragment = await siteCallback(
      { username: uniqueHandle('two') },
      { link: await ticketOf(person.api) },
    );
    expect(fragment.get('error')).toBe('already_linked');
  });
});
