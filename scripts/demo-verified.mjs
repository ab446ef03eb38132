/**
 * Links each demo person to the same username on the local Login Kit stand-in, through the real API and
 * the stand-in's "Allow", so the demo people are verified and "Continue with the video site" as `alice`
 * opens alice's account. Skips anyone already verified.
 */

import { EXTENSION_ID } from '../extension/manifest-key.ts';

// The extension's identity page (an allowed return page): the flow's last redirect is only read, never followed.
const RETURN = `https://${EXTENSION_ID}.chromiumapp.org/`;

async function expectRedirect(step, res) {
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`${step}: ${res.status} ${await res.text()}`);
  return location;
}

/**
 * Links the account of `accessToken` to `username` on the Login Kit stand-in: a site-link ticket, `start`,
 * the stand-in's "Allow", the callback, and the confirm of its `#link_code=`. Throws when a step fails.
 */
export async function linkToSiteStandIn(base, accessToken, username, displayName = username) {
  const auth = { authorization: `Bearer ${accessToken}` };
  const ticket = await fetch(`${base}/v1/me/site-link`, { method: 'POST', headers: auth });
  if (!ticket.ok) throw new Error(`site-link ${username}: ${ticket.status}`);
  const { ticket: link } = await ticket.json();
  const start = `${base}/v1/auth/site/start?${new URLSearchParams({ return: RETURN, link })}`;
  const authorize = new URL(await expectRedirect('start', await fetch(start, { redirect: 'manual' })));
  const form = new URLSearchParams(authorize.searchParams);
  form.set('username', username);
  form.set('display_name', displayName);
  form.set('decision', 'allow');
  const decided = await fetch(new URL('../decide', authorize), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const callback = await expectRedirect('allow', decided);
  const done = await expectRedirect('callback', await fetch(callback, { redirect: 'manual' }));
  const code = new URLSearchParams(new URL(done).hash.slice(1)).get('link_code');
  if (!code) throw new Error(`link ${username}: ${done.split('#')[1]}`);
  // The account that asked confirms the link with its own token.
  const confirmed = await fetch(`${base}/v1/me/site-link/confirm`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!confirmed.ok) throw new Error(`confirm ${username}: ${confirmed.status} ${await confirmed.text()}`);
}

async function linkOne(base, user, password) {
  const login = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle: user.handle, password }),
  });
  if (!login.ok) throw new Error(`login ${user.handle}: ${login.status}`);
  const { accessToken, user: me } = await login.json();
  if (me.verified) return false;
  await linkToSiteStandIn(base, accessToken, user.handle, user.displayName);
  return true;
}

/** Verifies every demo person; returns how many were linked now. */
export async function verifyDemoPeople(base, users, password) {
  let linked = 0;
  for (const user of users) if (await linkOne(base, user, password)) linked += 1;
  return linked;
}
