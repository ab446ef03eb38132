import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ADULT, birthdateForAge, call, expectError, signUp, uniqueHandle } from './helpers.ts';

const password = 'a perfectly good password';

describe('POST /v1/auth/register', () => {
  it('creates an account with age-appropriate defaults and returns tokens', async () => {
    const handle = uniqueHandle('Reg');
    const res = await call('/v1/auth/register', {
      body: { handle: handle.toUpperCase(), password, birthdate: ADULT },
    });
    expect(res.status).toBe(201);
    const body = await res.json<{
      user: { handle: string; ageGroup: string; displayName: string };
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
    }>();
    expect(body.user.handle).toBe(handle.toLowerCase());
    expect(body.user.displayName).toBe(handle.toLowerCase());
    expect(body.user.ageGroup).toBe('adult');
    expect(body.expiresIn).toBe(900);
    expect(body.refreshToken).toMatch(/^[0-9a-f]{64}$/);
    const settings = await call('/v1/me/settings', { token: body.accessToken });
    expect(await settings.json()).toEqual({ dmPolicy: 'friends', readReceipts: true });
  });

  it('stores the password as a salted PBKDF2 hash, never in clear', async () => {
    const user = await signUp('hash');
    const row = await env.DB.prepare('select * from credentials where user_id = ?')
      .bind(user.user.id)
      .first<Record<string, unknown>>();
    expect(row?.iterations).toBe(100_000);
    expect(JSON.stringify(row)).not.toContain(user.password);
    expect(String(row?.salt)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives 16–17-year-olds "no_one" by default', async () => {
    const teen = await signUp('teen', { birthdate: birthdateForAge(16) });
    expect(teen.user.ageGroup).toBe('16-17');
    expect(await (await teen.api('/v1/me/settings')).json()).toMatchObject({ dmPolicy: 'no_one' });
  });

  it('refuses anyone under 13', async () => {
    const res = await call('/v1/auth/register', {
      body: { handle: uniqueHandle('kid'), password, birthdate: birthdateForAge(12) },
    });
    await expectError(res, 403, 'age_restricted');
  });

  it('answers 409 handle_taken for an existing handle, whatever its case', async () => {
    const first = await signUp('taken');
    const res = await call('/v1/auth/register', {
      body: { handle: first.handle.toUpperCase(), password, birthdate: ADULT },
    });
    await expectError(res, 409, 'handle_taken');
  });

  it.each([
    ['a missing password', { handle: 'okhandle', birthdate: ADULT }, 'password'],
    ['a short password', { handle: 'okhandle', password: 'short', birthdate: ADULT }, 'password'],
    ['a two-letter handle', { handle: 'ab', password, birthdate: ADULT }, 'handle'],
    ['a handle with a space', { handle: 'bad handle', password, birthdate: ADULT }, 'handle'],
    ['a handle with odd Unicode', { handle: 'ａｄｍｉｎ', password, birthdate: ADULT }, 'handle'],
    ['a handle with a zero-width space', { handle: 'ad\u200bmin', password, birthdate: ADULT }, 'handle'],
    ['a handle that is a number', { handle: 12345, password, birthdate: ADULT }, 'handle'],
    [
      'a birthdate that is not a date',
      { handle: 'okhandle', password, birthdate: '2001-02-30' },
      'birthdate',
    ],
    ['a birthdate in another format', { handle: 'okhandle', password, birthdate: '01/02/2001' }, 'birthdate'],
    [
      'a display name over 50 characters',
      { handle: 'okhandle', password, birthdate: ADULT, displayName: 'x'.repeat(51) },
      'displayName',
    ],
  ])('rejects %s with 400 and the field path', async (_name, body, field) => {
    const error = await expectError(await call('/v1/auth/register', { body }), 400, 'invalid_request');
    const issues = (error.details?.issues ?? []) as { path: string }[];
    expect(issues.map((i) => i.path)).toContain(field);
  });

  it('rejects a malformed JSON body with 400', async () => {
    await expectError(await call('/v1/auth/register', { body: '{"handle": ' }), 400, 'invalid_request');
  });

  it('rejects a body over 64 KiB with 413 too_large', async () => {
    const body = JSON.stringify({ handle: 'bighandle', password, birthdate: ADULT, pad: 'x'.repeat(70_000) });
    await expectError(await call('/v1/auth/register', { body }), 413, 'too_large');
  });
});

describe('POST /v1/auth/login', () => {
  it('signs in with the right password', async () => {
    const user = await signUp('login');
    const res = await call('/v1/auth/login', { body: { handle: user.handle, password: user.password } });
    expect(res.status).toBe(200);
    const body = await res.json<{ user: { id: string }; accessToken: string }>();
    expect(body.user.id).toBe(user.user.id);
    expect((await call('/v1/me', { token: body.accessToken })).status).toBe(200);
  });

  it('gives the same answer for a wrong password and an unknown handle', async () => {
    const user = await signUp('wrong');
    const wrong = await expectError(
      await call('/v1/auth/login', { body: { handle: user.handle, password: 'not the password' } }),
      401,
      'invalid_credentials',
    );
    const unknown = await expectError(
      await call('/v1/auth/login', { body: { handle: 'nobody_here', password: 'not the password' } }),
      401,
      'invalid_credentials',
    );
    expect(wrong.message).toBe(unknown.message);
  });

  it('locks a handle after 10 failures in 15 minutes, with Retry-After, even for the right password', async () => {
    const user = await signUp('locked');
    for (let i = 0; i < 10; i++) {
      await expectError(
        await call('/v1/auth/login', { body: { handle: user.handle, password: `wrong password ${i}` } }),
        401,
        'invalid_credentials',
      );
    }
    const res = await call('/v1/auth/login', { body: { handle: user.handle, password: user.password } });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(res, 429, 'rate_limited');
  });
});

describe('POST /v1/auth/refresh', () => {
  it('rotates: the new pair works and the old refresh token is spent', async () => {
    const user = await signUp('rotate');
    const res = await call('/v1/auth/refresh', { body: { refreshToken: user.refreshToken } });
    expect(res.status).toBe(200);
    const next = await res.json<{ accessToken: string; refreshToken: string }>();
    expect(next.refreshToken).not.toBe(user.refreshToken);
    expect((await call('/v1/me', { token: next.accessToken })).status).toBe(200);
  });

  it('revokes the whole login when a spent token is reused', async () => {
    const user = await signUp('reuse');
    const next = await (await call('/v1/auth/refresh', { body: { refreshToken: user.refreshToken } })).json<{
      refreshToken: string;
    }>();
    await expectError(
      await call('/v1/auth/refresh', { body: { refreshToken: user.refreshToken } }),
      401,
      'unauthorized',
    );
    // The thief may hold `next`; after reuse it is dead too.
    await expectError(
      await call('/v1/auth/refresh', { body: { refreshToken: next.refreshToken } }),
      401,
      'unauthorized',
    );
  });

  it('does not touch other logins of the same user', async () => {
    const user = await signUp('twologins');
    const other = await (
      await call('/v1/auth/login', { body: { handle: user.handle, password: user.password } })
    ).json<{ refreshToken: string }>();
    await call('/v1/auth/refresh', { body: { refreshToken: user.refreshToken } });
    await call('/v1/auth/refresh', { body: { refreshToken: user.refreshToken } });
    expect((await call('/v1/auth/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(200);
  });

  it('answers 401 for an unknown token and 400 for a missing one', async () => {
    await expectError(
      await call('/v1/auth/refresh', { body: { refreshToken: 'f'.repeat(64) } }),
      401,
      'unauthorized',
    );
    await expectError(await call('/v1/auth/refresh', { body: {} }), 400, 'invalid_request');
  });
});

describe('POST /v1/auth/logout', () => {
  it('ends the login so its refresh token no longer works', async () => {
    const user = await signUp('logout');
    expect((await call('/v1/auth/logout', { body: { refreshToken: user.refreshToken } })).status).toBe(204);
    await expectError(
      await call('/v1/auth/refresh', { body: { refreshToken: user.refreshToken } }),
      401,
      'unauthorized',
    );
  });

  it('is idempotent for unknown tokens', async () => {
    expect((await call('/v1/auth/logout', { body: { refreshToken: 'a'.repeat(64) } })).status).toBe(204);
  });
});
