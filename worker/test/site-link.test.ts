import type { Me, SiteExchangeResult } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { call, expectError, signUp, uniqueHandle } from './helpers.ts';
import { exchange, fragmentOf, signInWithSite, siteCallback, startSiteFlow } from './site-flow.ts';

type Api = (path: string, init?: { method?: string; body?: unknown }) => Promise<Response>;

async function ticketOf(api: Api) {
  const res = await api('/v1/me/site-link', { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { ticket: string }).ticket;
}

function confirm(api: Api, code: string) {
  return api('/v1/me/site-link/confirm', { body: { code } });
}

/** Ticket → start → allow as `username` → callback: the `link_code` (or error) of the return page. */
async function linkFlow(api: Api, username: string) {
  return siteCallback({ username }, { link: await ticketOf(api) });
}

describe('POST /v1/me/site-link and /confirm', () => {
  it('need a signed-in caller', async () => {
    await expectError(await call('/v1/me/site-link', { method: 'POST' }), 401, 'unauthorized');
    await expectError(await call('/v1/me/site-link/confirm', { body: { code: 'x' } }), 401, 'unauthorized');
  });

  it("links the site account to a password account once confirmed: the handle becomes the site's, verified", async () => {
    const person = await signUp('pw');
    const username = uniqueHandle('linked');
    const fragment = await linkFlow(person.api, username);
    const linkCode = fragment.get('link_code') as string;
    expect(linkCode).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fragment.get('code')).toBeNull();
    // Nothing is linked until the account that asked confirms.
    expect(((await (await person.api('/v1/me')).json()) as Me).verified).toBe(false);

    const res = await confirm(person.api, linkCode);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ id: person.user.id, handle: username, verified: true });
    expect(await (await person.api('/v1/me')).json()).toMatchObject({ handle: username, verified: true });

    // From now on, the site's sign-in opens this same account.
    const code = (await siteCallback({ username })).get('code') as string;
    const body = (await (await exchange({ code })).json()) as SiteExchangeResult;
    expect(body).toMatchObject({ created: false, user: { id: person.user.id } });
  });

  it("does not link when someone else confirms: a ticket sent to a victim cannot take the victim's handle", async () => {
    const [attacker, victim] = [await signUp('attacker'), await signUp('victim')];
    // The attacker's ticket, in a start URL the victim opens and allows as themself on the site.
    const fragment = await linkFlow(attacker.api, uniqueHandle('victimsite'));
    const linkCode = fragment.get('link_code') as string;
    // The code lands in the victim's browser; the victim's extension (or anyone else) cannot use it either.
    await expectError(await confirm(victim.api, linkCode), 400, 'invalid_request');
    await expectError(await confirm(attacker.api, linkCode), 400, 'invalid_request');
    expect(((await (await attacker.api('/v1/me')).json()) as Me).verified).toBe(false);
    expect(((await (await victim.api('/v1/me')).json()) as Me).verified).toBe(false);
  });

  it('refuses a reused or unknown link code', async () => {
    const person = await signUp('pw');
    const linkCode = (await linkFlow(person.api, uniqueHandle('once'))).get('link_code') as string;
    expect((await confirm(person.api, linkCode)).status).toBe(200);
    await expectError(await confirm(person.api, linkCode), 400, 'invalid_request');
    await expectError(await confirm(person.api, 'made-up'), 400, 'invalid_request');
  });

  it('spends the ticket: a second start with it goes back with invalid_link', async () => {
    const person = await signUp('pw');
    const ticket = await ticketOf(person.api);
    expect(
      (await siteCallback({ username: uniqueHandle('l1') }, { link: ticket })).get('link_code'),
    ).toBeTruthy();
    const again = fragmentOf(await startSiteFlow({ link: ticket }));
    expect(again.get('error')).toBe('invalid_link');
  });

  it('refuses a site account that is already linked to another account', async () => {
    const username = uniqueHandle('taken');
    const owner = await signInWithSite(username);
    const other = await signUp('pw');
    expect((await linkFlow(other.api, username)).get('error')).toBe('already_linked');
    const me = (await (await other.api('/v1/me')).json()) as Me;
    expect(me).toMatchObject({ handle: other.handle, verified: false });
    const still = (await (await owner.api('/v1/me')).json()) as Me;
    expect(still).toMatchObject({ handle: username, verified: true });
  });

  it('refuses at confirm a site account that another account linked in the meantime', async () => {
    const username = uniqueHandle('race');
    const first = await signUp('first');
    const linkCode = (await linkFlow(first.api, username)).get('link_code') as string;
    await signInWithSite(username);
    const error = await expectError(await confirm(first.api, linkCode), 400, 'invalid_request');
    expect(error.details).toEqual({ reason: 'already_linked' });
  });

  it('refuses a second site account for an account that already has one', async () => {
    const person = await signInWithSite(uniqueHandle('one'));
    expect((await linkFlow(person.api, uniqueHandle('two'))).get('error')).toBe('already_linked');
  });
});
