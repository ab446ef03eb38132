import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/api-error.ts';
import { loginCheckedD1 } from '../src/lib/login-checked-d1.ts';
import { call, signUp } from './helpers.ts';

/**
 * The D1 binding of a signed-in request: its first call carries the login check, and answers exactly what
 * the unwrapped binding would (rows, raw arrays with repeated column names, results of a batch).
 */

async function liveLogin() {
  const user = await signUp('wrapped');
  const { sid } = JSON.parse(atob(user.accessToken.split('.')[1] as string)) as { sid: string };
  return { user, login: { userId: user.user.id, loginId: sid } };
}

describe('loginCheckedD1', () => {
  it('answers a first raw() like D1 does, repeated column names and numeric ones included', async () => {
    const { login } = await liveLogin();
    const sql = 'select 1 as a, 2 as a, ?1 as b';
    expect(await loginCheckedD1(env.DB, login).prepare(sql).bind('x').raw()).toEqual(
      await env.DB.prepare(sql).bind('x').raw(),
    );
    const numeric = 'select 5 as "1", 6 as b';
    expect(await loginCheckedD1(env.DB, login).prepare(numeric).raw()).toEqual([[5, 6]]);
    expect(await loginCheckedD1(env.DB, login).prepare(sql).bind('y').raw({ columnNames: true })).toEqual(
      await env.DB.prepare(sql).bind('y').raw({ columnNames: true }),
    );
  });

  it('answers a first first(), all() and batch() like D1 does', async () => {
    const { login } = await liveLogin();
    const sql = 'select 7 as n, ?1 as s';
    expect(await loginCheckedD1(env.DB, login).prepare(sql).bind('z').first()).toEqual({ n: 7, s: 'z' });
    expect(await loginCheckedD1(env.DB, login).prepare(sql).bind('z').first('s')).toBe('z');
    expect((await loginCheckedD1(env.DB, login).prepare(sql).bind('z').all()).results).toEqual([
      { n: 7, s: 'z' },
    ]);
    const wrapped = loginCheckedD1(env.DB, login);
    const results = await wrapped.batch([wrapped.prepare(sql).bind('a'), wrapped.prepare(sql).bind('b')]);
    expect(results.map((r) => r.results)).toEqual([[{ n: 7, s: 'a' }], [{ n: 7, s: 'b' }]]);
  });

  it('refuses the first call of an ended login with a 401, and keeps nothing that call wrote', async () => {
    const { user, login } = await liveLogin();
    expect((await call('/v1/auth/logout', { body: { refreshToken: user.refreshToken } })).status).toBe(204);
    const wrapped = loginCheckedD1(env.DB, login);
    const write = wrapped
      .prepare("update users set display_name = 'changed' where id = ?1")
      .bind(login.userId);
    const refused = await write.run().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(401);
    const row = await env.DB.prepare('select display_name from users where id = ?1')
      .bind(login.userId)
      .first();
    expect(row).toEqual({ display_name: user.user.displayName });
  });
});
