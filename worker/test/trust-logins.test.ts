import { env } from 'cloudflare:test';
import type { AuthResult } from '@clipdm/shared';
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { call, expectError, signUp, type TestUser } from './helpers.ts';
import { connect } from './live-socket.ts';

/**
 * Issue 11, door 5 (and the token without `exp` of door 9): a login that ends (logout, refresh-token reuse,
 * deletion, suspension) stops its access tokens at once, closes its live sockets, and no token state is a 5xx.
 */

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const someone = () => signUp('target');

/** What a token can still do: each answer's status. */
async function whatTokenDoes(token: string, other: TestUser) {
  const as = (path: string, init: { method?: string; body?: unknown } = {}) =>
    call(path, { ...init, token }).then((r) => r.status);
  return {
    me: await as('/v1/me'),
    getSettings: await as('/v1/me/settings'),
    patchSettings: await as('/v1/me/settings', { method: 'PATCH', body: { readReceipts: false } }),
    follow: await as(`/v1/users/${other.handle}/follow`, { method: 'PUT' }),
    block: await as(`/v1/users/${other.handle}/block`, { method: 'PUT' }),
    contacts: await as('/v1/me/contacts', { method: 'PUT', body: { hashes: ['a'.repeat(64)] } }),
    ticket: await as('/v1/stream/ticket', { method: 'POST' }),
  };
}

const allUnauthorized = {
  me: 401,
  getSettings: 401,
  patchSettings: 401,
  follow: 401,
  block: 401,
  contacts: 401,
  ticket: 401,
};

describe('a deleted account', () => {
  it('its access token does nothing at once, and never answers 5xx', async () => {
    const [gone, other] = [await signUp('gone'), await someone()];
    expect((await gone.api('/v1/me', { method: 'DELETE', body: { password: gone.password } })).status).toBe(
      204,
    );
    expect(await whatTokenDoes(gone.accessToken, other)).toEqual(allUnauthorized);
    await expectError(await gone.api('/v1/me/settings'), 401, 'unauthorized');
  });
});

describe('POST /v1/auth/logout', () => {
  it('ends the access tokens of that login at once, and only those', async () => {
    const [user, other] = [await signUp('leaving'), await someone()];
    const second = (await (
      await call('/v1/auth/login', { body: { handle: user.handle, password: user.password } })
    ).json()) as AuthResult;
    expect((await call('/v1/auth/logout', { body: { refreshToken: user.refreshToken } })).status).toBe(204);
    expect(await whatTokenDoes(user.accessToken, other)).toEqual(allUnauthorized);
    expect((await call('/v1/me', { token: second.accessToken })).status).toBe(200);
  });

  it('closes the live sockets of that login within a second', async () => {
    const user = await signUp('sockets');
    const live = await connect(user);
    const started = Date.now();
    expect((await call('/v1/auth/logout', { body: { refreshToken: user.refreshToken } })).status).toBe(204);
    const code = await Promise.race([
      live.closed,
      new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 1000)),
    ]);
    expect(code).not.toBe('open');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('refresh-token reuse', () => {
  it('ends every access token of that login at once', async () => {
    const [user, other] = [await signUp('reused'), await someone()];
    const rotated = (await (
      await call('/v1/auth/refresh', { body: { refreshToken: user.refreshToken } })
    ).json()) as AuthResult;
    await expectError(
      await call('/v1/auth/refresh', { body: { refreshToken: user.refreshToken } }),
      401,
      'unauthorized',
    );
    expect(await whatTokenDoes(user.accessToken, other)).toEqual(allUnauthorized);
    expect((await call('/v1/me', { token: rotated.accessToken })).status).toBe(401);
  });
});

describe('suspension', () => {
  it('ends the logins the account had; a new sign-in gets dms_unavailable on sends', async () => {
    const [user, other] = [await signUp('suspended'), await someone()];
    const res = await call(`/v1/admin/users/${user.handle}/suspension`, { method: 'PUT', headers: admin });
    expect(res.status).toBe(204);
    expect(await whatTokenDoes(user.accessToken, other)).toEqual(allUnauthorized);
    const again = await call('/v1/auth/login', { body: { handle: user.handle, password: user.password } });
    expect(again.status).toBe(200);
  });

  it('closes the live sockets of the suspended account within a second', async () => {
    const user = await signUp('suspsock');
    const live = await connect(user);
    await call(`/v1/admin/users/${user.handle}/suspension`, { method: 'PUT', headers: admin });
    const code = await Promise.race([
      live.closed,
      new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 1000)),
    ]);
    expect(code).not.toBe('open');
  });
});

describe('access tokens that are not what the worker issues', () => {
  it('refuses a token signed without exp, one without a login, and one of an unknown login', async () => {
    const [user, other] = [await signUp('forged'), await someone()];
    const iat = Math.floor(Date.now() / 1000);
    const sid = (JSON.parse(atob(user.accessToken.split('.')[1] as string)) as { sid: string }).sid;
    const noExp = await sign({ sub: user.user.id, sid, iat }, env.JWT_SECRET, 'HS256');
    const noSid = await sign({ sub: user.user.id, iat, exp: iat + 600 }, env.JWT_SECRET, 'HS256');
    const unknownSid = await sign(
      { sub: user.user.id, sid: 'nope', iat, exp: iat + 600 },
      env.JWT_SECRET,
      'HS256',
    );
    const otherUsersSid = await sign(
      { sub: other.user.id, sid, iat, exp: iat + 600 },
      env.JWT_SECRET,
      'HS256',
    );
    for (const token of [noExp, noSid, unknownSid, otherUsersSid, 'garbage', `${user.accessToken}x`]) {
      expect(await whatTokenDoes(token, other)).toEqual(allUnauthorized);
    }
    expect((await user.api('/v1/me')).status).toBe(200);
  });
});
