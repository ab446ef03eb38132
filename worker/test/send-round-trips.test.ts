import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import type { Message } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { messagesOf, openDirect, send } from './chat-helpers.ts';
import { befriend, call, signUp } from './helpers.ts';

/**
 * D1 round trips of one send (DESIGN: one batch wherever the logic allows). The D1 binding is wrapped to
 * count every call that reaches the database: a batch, or one statement's `first`/`all`/`run`/`raw`.
 * Calls after the first `answerAfter` are held until `release()`: a response that needed one of them
 * could never arrive.
 */
function countingD1(db: D1Database, answerAfter: number) {
  let calls = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  async function counted<T>(run: () => Promise<T>): Promise<T> {
    calls += 1;
    if (calls > answerAfter) await released;
    return run();
  }
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        if (key === 'bind') return (...args: unknown[]) => wrap(value.apply(target, args));
        if (key === 'first' || key === 'all' || key === 'run' || key === 'raw')
          return (...args: unknown[]) => counted(() => value.apply(target, args));
        return value.bind(target);
      },
    });
  // The worker runs every request in a D1 session (`withSession`), so the session is what gets counted.
  const counting = <D extends D1Database | D1DatabaseSession>(database: D): D =>
    new Proxy(database, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (key === 'prepare') return (query: string) => wrap(target.prepare(query));
        if (key === 'batch')
          return (statements: D1PreparedStatement[]) => counted(() => target.batch(statements));
        if (key === 'withSession')
          return (constraint?: string) => counting((target as D1Database).withSession(constraint));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return { binding: counting(db), calls: () => calls, release: () => release() };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no response within ${ms} ms`)), ms)),
  ]);

describe('POST /v1/conversations/:id/messages round trips', () => {
  it('answers a send into an accepted direct conversation after 2 D1 round trips', async () => {
    const [a, b] = [await signUp('rta'), await signUp('rtb')];
    await befriend(a, b);
    const conversation = await openDirect(a, b);
    await send(a, conversation.id, 'hi');
    await send(b, conversation.id, 'hello');

    // The reads, then the write; after the response, for live events only: which members have a socket
    // open (live_presence). No one here does, so no counts or views are read and no hub is called.
    const d1 = countingD1(env.DB, 2);
    const ctx = createExecutionContext();
    const request = new Request(`http://clipdm.test/v1/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'counted-1', text: 'counted' }),
    });
    const res = await within(Promise.resolve(app.fetch(request, { ...env, DB: d1.binding }, ctx)), 2000);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as Message).text).toBe('counted');
    d1.release();
    await waitOnExecutionContext(ctx);
    expect(d1.calls()).toBe(3);
    const stored = await messagesOf(b, conversation.id);
    expect(stored.map((m) => m.text)).toEqual(['hi', 'hello', 'counted']);
  });

  it('refuses a send of an ended login in its first round trip, which also checks the login: 401, nothing stored', async () => {
    const [a, b] = [await signUp('rtc'), await signUp('rtd')];
    await befriend(a, b);
    const conversation = await openDirect(a, b);
    await send(a, conversation.id, 'before logout');
    expect((await call('/v1/auth/logout', { body: { refreshToken: a.refreshToken } })).status).toBe(204);

    // Only one call is answered: the liveness check rides in the send's first batch, not a call of its own.
    const d1 = countingD1(env.DB, 1);
    const ctx = createExecutionContext();
    const request = new Request(`http://clipdm.test/v1/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'after-logout', text: 'after logout' }),
    });
    const res = await within(Promise.resolve(app.fetch(request, { ...env, DB: d1.binding }, ctx)), 2000);
    expect(res.status, await res.clone().text()).toBe(401);
    d1.release();
    await waitOnExecutionContext(ctx);
    expect(d1.calls()).toBe(1);
    expect((await messagesOf(b, conversation.id)).map((m) => m.text)).toEqual(['before logout']);
  });
});
