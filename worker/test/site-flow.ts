import { SELF } from 'cloudflare:test';
import type { SiteExchangeResult } from '@clipdm/shared';
import { expect } from 'vitest';
import { call } from './helpers.ts';

/** Drives the site's sign-in through the worker and the Login Kit stand-in, the way a browser would. */

// The published extension's id, which wrangler.toml's ALLOWED_ORIGINS lists.
export const EXTENSION_ID = 'hdjopaadfgnfifjlhcnhlmofjfbojmnc';
export const EXTENSION_RETURN = `chrome-extension://${EXTENSION_ID}/sidepanel.html`;

export async function startSiteFlow(query: Record<string, string> = {}) {
  const params = new URLSearchParams({ return: EXTENSION_RETURN, ...query });
  return SELF.fetch(`http://clipdm.test/v1/auth/site/start?${params}`, { redirect: 'manual' });
}

/** The stand-in's authorize page answered with "Allow" (or "Deny") as `username`: the redirect it gives. */
export async function decideOnSite(
  authorizeUrl: string,
  person: { username: string; openId?: string; displayName?: string; decision?: 'allow' | 'deny' },
) {
  const asked = new URL(authorizeUrl);
  const form = new URLSearchParams();
  for (const name of [
    'client_key',
    'redirect_uri',
    'state',
    'code_challenge',
    'code_challenge_method',
    'scope',
  ]) {
    form.set(name, asked.searchParams.get(name) ?? '');
  }
  form.set('username', person.username);
  form.set('display_name', person.displayName ?? '');
  form.set('open_id', person.openId ?? '');
  form.set('decision', person.decision ?? 'allow');
  const res = await fetch(new URL('../decide', asked), { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('location') as string;
}

/** Follows the provider's redirect into the worker's callback; the answer is the worker's own redirect. */
export async function callBack(callbackUrl: string) {
  return SELF.fetch(callbackUrl, { redirect: 'manual' });
}

/** The fragment parameters of the return page the worker sent the browser to. */
export function fragmentOf(res: Response): URLSearchParams {
  const location = res.headers.get('location') ?? '';
  expect(location.startsWith(EXTENSION_RETURN)).toBe(true);
  return new URLSearchParams(new URL(location).hash.slice(1));
}

/** Start → allow as `username` → callback: the one-time code (or the error) the extension receives. */
export async function siteCallback(
  person: { username: string; openId?: string; displayName?: string; decision?: 'allow' | 'deny' },
  query: Record<string, string> = {},
) {
  const start = await startSiteFlow(query);
  expect(start.status, await start.clone().text()).toBe(302);
  const callback = await decideOnSite(start.headers.get('location') as string, person);
  return fragmentOf(await callBack(callback));
}

export async function exchange(body: { code: string; birthdate?: string }) {
  return SELF.fetch('http://clipdm.test/v1/auth/site/exchange', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A person signed in through the site for the first time, as a `TestUser`-like caller. */
export async function signInWithSite(username: string, birthdate = '1990-05-01', openId?: string) {
  const fragment = await siteCallback({ username, ...(openId ? { openId } : {}) });
  const res = await exchange({ code: fragment.get('code') as string, birthdate });
  expect(res.status, await res.clone().text()).toBe(200);
  const auth = (await res.json()) as SiteExchangeResult;
  return {
    ...auth,
    api: (path: string, init: { method?: string; body?: unknown } = {}) =>
      call(path, { ...init, token: auth.accessToken }),
  };
}
