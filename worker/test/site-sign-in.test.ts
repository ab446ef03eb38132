import { env } from 'cloudflare:test';
import type { Me, SiteExchangeResult, User } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { ADULT, birthdateForAge, call, expectError, signUp, uniqueHandle } from './helpers.ts';
import {
  callBack,
  decideOnSite,
  EXTENSION_ID,
  EXTENSION_RETURN,
  exchange,
  fragmentOf,
  signInWithSite,
  siteCallback,
  startSiteFlow,
} from './site-flow.ts';

describe('GET /v1/auth/site/start', () => {
  it('redirects to the authorize URL with the Login Kit parameters and an S256 challenge', async () => {
    const res = await startSiteFlow();
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location') as string);
    expect(`${url.origin}${url.pathname}`).toBe(env.SITE_OAUTH_AUTHORIZE_URL);
    const q = url.searchParams;
    expect(q.get('client_key')).toBe(env.SITE_CLIENT_KEY);
    expect(q.get('scope')).toBe('user.info.basic,user.info.profile');
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe('http://clipdm.test/v1/auth/site/callback');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...q.keys()].sort()).not.toContain('code_verifier');
  });

  it.each([
    ['a web page', 'https://evil.example/steal'],
    ['an allowed CORS origin that is no extension', 'http://127.0.0.1:8787/page'],
    [
      'an extension origin not in ALLOWED_ORIGINS',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html',
    ],
    [
      'a Firefox extension page not in ALLOWED_ORIGINS',
      'moz-extension://6f2d1c1e-1111-4a4a-9b9b-000000000000/x.html',
    ],
    [
      'the identity page of an extension not in ALLOWED_ORIGINS',
      'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    ],
    ['a web scheme for an extension page', 'safari-web-extension://abc/page.html'],
    ['a chromiumapp.org look-alike', `https://${EXTENSION_ID}.chromiumapp.org.evil.example/`],
    ['plain http on chromiumapp.org', `http://${EXTENSION_ID}.chromiumapp.org/`],
    ['not a URL', 'sidepanel.html'],
  ])('refuses %s as the return page', async (_, value) => {
    const res = await startSiteFlow({ return: value });
    const error = await expectError(res, 400, 'invalid_request');
    expect(JSON.stringify(error.details)).toContain('return');
  });

  it.each([
    ["the extension's Chromium identity page", `https://${EXTENSION_ID}.chromiumapp.org/`],
    ['a page of the extension', `chrome-extension://${EXTENSION_ID}/site-return.html`],
  ])('accepts %s as the return page', async (_, value) => {
    expect((await startSiteFlow({ return: value })).status).toBe(302);
  });

  it('needs a return page', async () => {
    const res = await call('/v1/auth/site/start');
    await expectError(res, 400, 'invalid_request');
  });
});

describe('GET /v1/auth/site/callback', () => {
  it('hands the extension a one-time code in the fragment of the return page', async () => {
    const fragment = await siteCallback({ username: uniqueHandle('cb') });
    expect(fragment.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fragment.get('error')).toBeNull();
  });

  it('answers 400 for a missing or unknown state', async () => {
    await expectError(await call('/v1/auth/site/callback?code=abc'), 400, 'invalid_request');
    await expectError(await call('/v1/auth/site/callback?code=abc&state=nope'), 400, 'invalid_request');
  });

  it('sends a reused state back with invalid_state, and the second use signs nobody in', async () => {
    const start = await startSiteFlow();
    const callback = await decideOnSite(start.headers.get('location') as string, {
      username: uniqueHandle('re'),
    });
    expect(fragmentOf(await callBack(callback)).get('code')).toBeTruthy();
    const again = fragmentOf(await callBack(callback));
    expect(again.get('error')).toBe('invalid_state');
    expect(again.get('code')).toBeNull();
  });

  it('sends an expired state back with invalid_state', async () => {
    const start = await startSiteFlow();
    const callback = await decideOnSite(start.headers.get('location') as string, {
      username: uniqueHandle('old'),
    });
    await env.DB.prepare('update oauth_states set expires_at = 0 where used_at is null').run();
    expect(fragmentOf(await callBack(callback)).get('error')).toBe('invalid_state');
  });

  it('binds the state to its own PKCE verifier: a code from one flow fails under another state', async () => {
    const first = await startSiteFlow();
    const second = await startSiteFlow();
    const firstCallback = new URL(
      await decideOnSite(first.headers.get('location') as string, { username: uniqueHandle('pk') }),
    );
    const secondState = new URL(second.headers.get('location') as string).searchParams.get('state') as string;
    firstCallback.searchParams.set('state', secondState);
    expect(fragmentOf(await callBack(firstCallback.toString())).get('error')).toBe('provider_error');
  });

  it('passes on a refusal as access_denied', async () => {
    const fragment = await siteCallback({ username: uniqueHandle('no'), decision: 'deny' });
    expect(fragment.get('error')).toBe('access_denied');
  });

  it('turns any other provider error into provider_error', async () => {
    const start = await startSiteFlow();
    const state = new URL(start.headers.get('location') as string).searchParams.get('state') as string;
    const res = await callBack(`http://clipdm.test/v1/auth/site/callback?error=server_error&state=${state}`);
    expect(fragmentOf(res).get('error')).toBe('provider_error');
  });

  it.each([
    ['the token endpoint fails', 'fail.token', 'provider_error'],
    ['the user-info endpoint fails', 'fail.info', 'provider_error'],
    ['the token endpoint times out', 'slow.token', 'provider_timeout'],
    ['the user-info endpoint times out', 'slow.info', 'provider_timeout'],
  ])('reports when %s', async (_, username, code) => {
    const fragment = await siteCallback({ username });
    expect(fragment.get('error')).toBe(code);
    expect(fragment.get('code')).toBeNull();
  });

  it('refuses a site username that cannot be a handle', async () => {
    const fragment = await siteCallback({ username: 'Not A Handle!' });
    expect(fragment.get('error')).toBe('unsupported_username');
  });
});

describe('POST /v1/auth/site/exchange', () => {
  it('asks for the birthdate on a first sign-in, then accepts the same code once more with it', async () => {
    const username = uniqueHandle('bd');
    const code = (await siteCallback({ username })).get('code') as string;
    await expectError(await exchange({ code }), 400, 'birthdate_required');
    const res = await exchange({ code, birthdate: ADULT });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as SiteExchangeResult;
    expect(body).toMatchObject({
      created: true,
      user: { handle: username, verified: true, ageGroup: 'adult' },
    });
    expect(body.accessToken).toBeTruthy();
    expect(body.refreshToken).toBeTruthy();
    const me = (await (await call('/v1/me', { token: body.accessToken })).json()) as Me;
    expect(me).toMatchObject({ handle: username, verified: true });
  });

  it('gives the birthdate question only one more try', async () => {
    const code = (await siteCallback({ username: uniqueHandle('bd') })).get('code') as string;
    await expectError(await exchange({ code }), 400, 'birthdate_required');
    await expectError(await exchange({ code }), 400, 'birthdate_required');
    await expectError(await exchange({ code, birthdate: ADULT }), 400, 'invalid_request');
  });

  it('refuses a reused code', async () => {
    const code = (await siteCallback({ username: uniqueHandle('ru') })).get('code') as string;
    expect((await exchange({ code, birthdate: ADULT })).status).toBe(200);
    await expectError(await exchange({ code, birthdate: ADULT }), 400, 'invalid_request');
  });

  it('refuses an expired code', async () => {
    const code = (await siteCallback({ username: uniqueHandle('ex') })).get('code') as string;
    await env.DB.prepare('update site_sign_in_codes set expires_at = 0 where spent_at is null').run();
    await expectError(await exchange({ code, birthdate: ADULT }), 400, 'invalid_request');
  });

  it('refuses an unknown code and a malformed body', async () => {
    await expectError(await exchange({ code: 'made-up' }), 400, 'invalid_request');
    await expectError(await exchange({ code: '' }), 400, 'invalid_request');
    await expectError(await exchange({ code: 'x', birthdate: '1990-02-30' }), 400, 'invalid_request');
  });

  it('applies the age rules of registration', async () => {
    const code = (await siteCallback({ username: uniqueHandle('kid') })).get('code') as string;
    await expectError(await exchange({ code, birthdate: birthdateForAge(12) }), 403, 'age_restricted');
  });

  it('signs a returning person into the same account without asking again', async () => {
    const username = uniqueHandle('back');
    const first = await signInWithSite(username);
    const code = (await siteCallback({ username })).get('code') as string;
    const res = await exchange({ code });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SiteExchangeResult;
    expect(body.created).toBe(false);
    expect(body.user.id).toBe(first.user.id);
  });

  it('follows a new username on the site', async () => {
    const openId = `open_${uniqueHandle('o')}`;
    const first = await signInWithSite(uniqueHandle('before'), ADULT, openId);
    const renamed = uniqueHandle('after');
    const code = (await siteCallback({ username: renamed, openId })).get('code') as string;
    const body = (await (await exchange({ code })).json()) as SiteExchangeResult;
    expect(body.user).toMatchObject({ id: first.user.id, handle: renamed, verified: true });
  });
});

describe('a verified handle wins', () => {
  it('takes the handle from an unverified holder, who is renamed <handle>_xxxx and keeps the rest', async () => {
    const squatter = await signUp('famous');
    const owner = await signInWithSite(squatter.handle);
    expect(owner.user).toMatchObject({ handle: squatter.handle, verified: true });

    const me = (await (await squatter.api('/v1/me')).json()) as Me;
    expect(me.id).toBe(squatter.user.id);
    expect(me.verified).toBe(false);
    expect(me.handle).toMatch(
      new RegExp(`^${squatter.handle.slice(0, 19).replace(/\./g, '\\.')}_[a-z0-9]{4}$`),
    );
    const login = await call('/v1/auth/login', { body: { handle: me.handle, password: squatter.password } });
    expect(login.status).toBe(200);

    const profile = (await (await squatter.api(`/v1/users/${squatter.handle}`)).json()) as User;
    expect(profile).toMatchObject({ id: owner.user.id, verified: true });
  });

  it('keeps a renamed long handle within 24 characters', async () => {
    const handle = `long${uniqueHandle('x')}`.padEnd(24, 'z').slice(0, 24);
    const squatter = await call('/v1/auth/register', {
      body: { handle, password: 'correct horse battery', birthdate: ADULT },
    });
    expect(squatter.status).toBe(201);
    const token = ((await squatter.json()) as SiteExchangeResult).accessToken;
    await signInWithSite(handle);
    const me = (await (await call('/v1/me', { token })).json()) as Me;
    expect(me.handle).toMatch(new RegExp(`^${handle.slice(0, 19)}_[a-z0-9]{4}$`));
  });

  it('moves a handle from a site account whose person no longer has that username on the site', async () => {
    const handle = uniqueHandle('moved');
    const before = await signInWithSite(handle, ADULT, `open_${uniqueHandle('a')}`);
    const after = await signInWithSite(handle, ADULT, `open_${uniqueHandle('b')}`);
    expect(after.user).toMatchObject({ handle, verified: true });
    const stale = (await (await before.api('/v1/me')).json()) as Me;
    expect(stale.handle).not.toBe(handle);
    expect(stale.verified).toBe(false);
  });

  it('shows password accounts as unverified', async () => {
    const person = await signUp('plain');
    expect(person.user.verified).toBe(false);
    const viewer = await signUp('viewer');
    const profile = (await (await viewer.api(`/v1/users/${person.handle}`)).json()) as User;
    expect(profile.verified).toBe(false);
  });
});

describe('the return page', () => {
  it('keeps the path of the return page and replaces its fragment', async () => {
    const start = await startSiteFlow({ return: `${EXTENSION_RETURN}#old` });
    const callback = await decideOnSite(start.headers.get('location') as string, {
      username: uniqueHandle('fr'),
    });
    const location = (await callBack(callback)).headers.get('location') as string;
    expect(location.startsWith(`${EXTENSION_RETURN}#code=`)).toBe(true);
  });
});
