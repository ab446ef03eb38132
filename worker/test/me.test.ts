import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { birthdateForAge, call, expectError, signUp } from './helpers.ts';

const JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789abcdef';

describe('GET /v1/me', () => {
  it('returns the caller', async () => {
    const user = await signUp('me', { displayName: 'Mé Ünïcode' });
    const res = await user.api('/v1/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: user.user.id,
      handle: user.handle,
      displayName: 'Mé Ünïcode',
      avatarUrl: null,
      birthdate: '1990-05-01',
      ageGroup: 'adult',
      verified: false,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('answers 401 without a token, with a malformed header, or with a tampered token', async () => {
    const user = await signUp('tamper');
    await expectError(await call('/v1/me'), 401, 'unauthorized');
    await expectError(await call('/v1/me', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');
    const [head, payload, signature] = user.accessToken.split('.') as [string, string, string];
    const forged = btoa(JSON.stringify({ sub: 'someone-else', exp: 9_999_999_999 })).replace(/=+$/, '');
    await expectError(await call('/v1/me', { token: `${head}.${forged}.${signature}` }), 401, 'unauthorized');
    await expectError(
      await call('/v1/me', { token: `${head}.${payload}.${signature.slice(0, -2)}xx` }),
      401,
      'unauthorized',
    );
  });

  it('answers 401 for an expired token and for one signed with another secret', async () => {
    const user = await signUp('expired');
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await sign({ sub: user.user.id, iat: past - 900, exp: past }, JWT_SECRET, 'HS256');
    await expectError(await call('/v1/me', { token: expired }), 401, 'unauthorized');
    const foreign = await sign({ sub: user.user.id, exp: past + 7200 }, 'another-secret', 'HS256');
    await expectError(await call('/v1/me', { token: foreign }), 401, 'unauthorized');
  });
});

describe('GET /v1/me/settings', () => {
  it('returns the defaults for an adult', async () => {
    const user = await signUp('settings');
    expect(await (await user.api('/v1/me/settings')).json()).toEqual({
      dmPolicy: 'friends',
      readReceipts: true,
    });
  });

  it('answers 401 without a token', async () => {
    await expectError(await call('/v1/me/settings'), 401, 'unauthorized');
  });
});

describe('PATCH /v1/me/settings', () => {
  it('lets an adult choose any policy and switch read receipts', async () => {
    const user = await signUp('patch');
    for (const dmPolicy of ['everyone', 'suggested', 'no_one', 'friends']) {
      const res = await user.api('/v1/me/settings', { method: 'PATCH', body: { dmPolicy } });
      expect(await res.json()).toEqual({ dmPolicy, readReceipts: true });
    }
    const res = await user.api('/v1/me/settings', { method: 'PATCH', body: { readReceipts: false } });
    expect(await res.json()).toEqual({ dmPolicy: 'friends', readReceipts: false });
    expect(await (await user.api('/v1/me/settings')).json()).toEqual({
      dmPolicy: 'friends',
      readReceipts: false,
    });
  });

  it('refuses "everyone" and "suggested" for a 16-year-old but allows "friends"', async () => {
    const teen = await signUp('sixteen', { birthdate: birthdateForAge(16) });
    await expectError(
      await teen.api('/v1/me/settings', { method: 'PATCH', body: { dmPolicy: 'everyone' } }),
      403,
      'age_restricted',
    );
    await expectError(
      await teen.api('/v1/me/settings', { method: 'PATCH', body: { dmPolicy: 'suggested' } }),
      403,
      'age_restricted',
    );
    expect(
      (await teen.api('/v1/me/settings', { method: 'PATCH', body: { dmPolicy: 'friends' } })).status,
    ).toBe(200);
  });

  it('keeps a 14-year-old at "no_one"', async () => {
    const young = await signUp('fourteen', { birthdate: birthdateForAge(14) });
    expect(await (await young.api('/v1/me/settings')).json()).toMatchObject({ dmPolicy: 'no_one' });
    await expectError(
      await young.api('/v1/me/settings', { method: 'PATCH', body: { dmPolicy: 'friends' } }),
      403,
      'age_restricted',
    );
  });

  it.each([
    [{ dmPolicy: 'anyone' }],
    [{ readReceipts: 'yes' }],
    [{ dmPolicy: null }],
    [{ unknownField: true }],
  ])('rejects %j with 400', async (body) => {
    const user = await signUp('badpatch');
    await expectError(await user.api('/v1/me/settings', { method: 'PATCH', body }), 400, 'invalid_request');
  });

  it('answers 401 without a token', async () => {
    await expectError(
      await call('/v1/me/settings', { method: 'PATCH', body: { readReceipts: false } }),
      401,
      'unauthorized',
    );
  });
});
