import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import type { Message } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { openDirect, send } from './chat-helpers.ts';
import { befriend, signUp } from './helpers.ts';

/** Calls the worker directly with extra variables (`D1_METERING`), as `wrangler dev --var` would. */
async function callWith(vars: Record<string, string>, path: string, init: RequestInit) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://clipdm.test${path}`, init), { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('D1 sessions: the bookmark', () => {
  it('comes back on a write, and a read sent with it sees that write', async () => {
    const [a, b] = [await signUp('bma'), await signUp('bmb')];
    await befriend(a, b);
    const conversation = await openDirect(a, b);
    const written = await a.api(`/v1/conversations/${conversation.id}/messages`, {
      body: { clientId: 'bookmark-1', text: 'read your writes' },
    });
    expect(written.status).toBe(201);
    const bookmark = written.headers.get('X-D1-Bookmark');
    expect(bookmark).toBeTruthy();

    const read = await a.api(`/v1/conversations/${conversation.id}/messages`, {
      headers: { 'X-D1-Bookmark': bookmark ?? '' },
    });
    expect(read.status).toBe(200);
    const page = (await read.json()) as { messages: Message[] };
    expect(page.messages.map((m) => m.text)).toContain('read your writes');
    expect(read.headers.get('X-D1-Bookmark')).toBeTruthy();
  });

  it('ignores a bookmark that is not one, rather than failing the request', async () => {
    const a = await signUp('bmc');
    const res = await a.api('/v1/me', { headers: { 'X-D1-Bookmark': 'not a bookmark; drop table' } });
    expect(res.status).toBe(200);
  });
});

describe('D1 metering (bench and tests only)', () => {
  it('bills a send in an X-D1-Bill header only when D1_METERING=1', async () => {
    const [a, b] = [await signUp('mta'), await signUp('mtb')];
    await befriend(a, b);
    const conversation = await openDirect(a, b);
    await send(a, conversation.id, 'first');
    const init = (clientId: string): RequestInit => ({
      method: 'POST',
      headers: { authorization: `Bearer ${a.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, text: 'metered' }),
    });
    const path = `/v1/conversations/${conversation.id}/messages`;

    const plain = await callWith({}, path, init('plain-1'));
    expect(plain.status).toBe(201);
    expect(plain.headers.get('X-D1-Bill')).toBeNull();

    const metered = await callWith({ D1_METERING: '1' }, path, init('metered-1'));
    expect(metered.status).toBe(201);
    const bill = Object.fromEntries(
      (metered.headers.get('X-D1-Bill') ?? '').split('; ').map((part) => {
        const [key, value] = part.split('=');
        return [key, Number(value)];
      }),
    );
    expect(bill.rt).toBe(2);
    expect(bill.st).toBeGreaterThan(2);
    expect(bill.rr).toBeGreaterThan(0);
    // The message row at least, and the conversation's last_seq.
    expect(bill.rw).toBeGreaterThanOrEqual(2);
  });

  it('answers a metered read exactly as an unmetered one, in one round trip', async () => {
    const [a, b] = [await signUp('mtc'), await signUp('mtd')];
    await befriend(a, b);
    const conversation = await openDirect(a, b);
    await send(a, conversation.id, 'counted once');
    const init = { headers: { authorization: `Bearer ${b.accessToken}` } };
    for (const path of [
      '/v1/me/unread',
      '/v1/conversations?box=inbox',
      `/v1/conversations/${conversation.id}/messages`,
      // The search and the policy facts about the people it finds share one batch.
      `/v1/users?q=${a.handle.slice(0, 4)}`,
    ]) {
      const plain = await callWith({}, path, init);
      const metered = await callWith({ D1_METERING: '1' }, path, init);
      expect(metered.status).toBe(200);
      expect(await metered.json()).toEqual(await plain.json());
      expect(metered.headers.get('X-D1-Bill')).toMatch(/^rt=1; st=\d+; rr=[1-9]/);
    }
  });
});
