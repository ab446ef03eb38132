import { afterEach, describe, expect, it, vi } from 'vitest';
import { dm, messagesOf, openDirect } from './chat-helpers.ts';
import { befriend, call, expectError, signUp } from './helpers.ts';
import { burst, callAs, callWith, countOf } from './trust-helpers.ts';

/**
 * Issue 11, door 1 and the limits of door 9: every limit is counted and checked in one atomic step, so a
 * parallel burst gets no further than a serial one, and the send limit's window slides.
 */

afterEach(() => {
  vi.useRealTimers();
});

describe('POST /v1/auth/login under a parallel burst', () => {
  it('checks at most 10 of 40 parallel guesses, and then refuses even the right password', async () => {
    const victim = await signUp('guessme');
    const statuses = await burst(40, (i) =>
      call('/v1/auth/login', { body: { handle: victim.handle, password: `wrong guess ${i}` } }),
    );
    expect(countOf(statuses, 401)).toBeLessThanOrEqual(10);
    expect(countOf(statuses, 429)).toBeGreaterThanOrEqual(30);
    const right = await call('/v1/auth/login', {
      body: { handle: victim.handle, password: victim.password },
    });
    await expectError(right, 429, 'rate_limited');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('DELETE /v1/me under a parallel burst', () => {
  it('checks at most 10 of 30 parallel passwords, and the account survives the burst', async () => {
    const victim = await signUp('deleteme');
    const statuses = await burst(30, (i) =>
      victim.api('/v1/me', { method: 'DELETE', body: { password: `wrong guess ${i}` } }),
    );
    expect(countOf(statuses, 401)).toBeLessThanOrEqual(10);
    expect(countOf(statuses, 429)).toBeGreaterThanOrEqual(20);
    await expectError(
      await victim.api('/v1/me', { method: 'DELETE', body: { password: victim.password } }),
      429,
      'rate_limited',
    );
    expect((await victim.api('/v1/me')).status).toBe(200);
  });
});

describe('the per-minute send limit', () => {
  it('lets no more than the limit through a burst that straddles the edge of a minute', async () => {
    const [a, b] = [await signUp('edgea'), await signUp('edgeb')];
    await befriend(a, b);
    const { conversation } = await dm(a, b, 'first');
    const limits = { LIMIT_MESSAGES_PER_MINUTE: '5' };
    const sendBurst = (n: number, tag: string) =>
      burst(n, (i) =>
        callAs(a, limits, `/v1/conversations/${conversation.id}/messages`, {
          body: { clientId: `${tag}-${i}`, text: `${tag} ${i}` },
        }),
      );
    // A minute's edge a little ahead of now, so the access token is still valid on both sides of it.
    const edge = Math.ceil((Date.now() + 1000) / 60_000) * 60_000 + 60_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(edge - 300);
    const before = await sendBurst(5, 'before');
    vi.setSystemTime(edge + 300);
    const after = await sendBurst(5, 'after');
    // 0.6 s apart: together they may hold the limit, not twice it ("first" went out over a minute before).
    expect(countOf(before, 201)).toBe(5);
    expect(countOf(after, 429)).toBe(5);
    vi.setSystemTime(edge + 62_000);
    const later = await sendBurst(1, 'later');
    expect(later).toEqual([201]);
    vi.useRealTimers();
    const stored = await messagesOf(b, conversation.id, '?limit=100');
    expect(stored.length).toBe(1 + countOf([...before, ...after, ...later], 201));
  });
});

describe('POST /v1/auth/register per client IP', () => {
  it('admits no more registrations from one address than the limit, however many arrive at once', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const statuses = await burst(8, (i) =>
      callWith({ LIMIT_REGISTRATIONS_PER_HOUR: '3' }, '/v1/auth/register', {
        headers: { 'CF-Connecting-IP': ip },
        body: {
          handle: `burst${i}_${Math.random().toString(36).slice(2, 8)}`,
          password: 'correct horse battery',
          birthdate: '1990-01-01',
        },
      }),
    );
    expect(countOf(statuses, 201)).toBe(3);
    expect(countOf(statuses, 429)).toBe(5);
    const elsewhere = await callWith({ LIMIT_REGISTRATIONS_PER_HOUR: '3' }, '/v1/auth/register', {
      headers: { 'CF-Connecting-IP': '198.51.100.7' },
      body: {
        handle: `other_${Math.random().toString(36).slice(2, 8)}`,
        password: 'correct horse battery',
        birthdate: '1990-01-01',
      },
    });
    expect(elsewhere.status).toBe(201);
  });
});

describe('POST /v1/conversations/:id/report', () => {
  it('admits no more reports than the limit from one parallel burst', async () => {
    const [a, b] = [await signUp('repa'), await signUp('repb')];
    await befriend(a, b);
    const conversation = await openDirect(a, b);
    const statuses = await burst(8, () =>
      callAs(a, { LIMIT_REPORTS_PER_HOUR: '3' }, `/v1/conversations/${conversation.id}/report`, {
        body: { reason: 'spam' },
      }),
    );
    expect(countOf(statuses, 201)).toBe(3);
    expect(countOf(statuses, 429)).toBe(5);
  });
});

describe('POST /v1/stream/ticket', () => {
  it('admits no more tickets than the limit from one parallel burst', async () => {
    const a = await signUp('tickets');
    const statuses = await burst(8, () =>
      callAs(a, { LIMIT_STREAM_TICKETS_PER_MINUTE: '3' }, '/v1/stream/ticket', { method: 'POST' }),
    );
    expect(countOf(statuses, 200)).toBe(3);
    expect(countOf(statuses, 429)).toBe(5);
  });
});

describe('PUT /v1/me/contacts', () => {
  it('admits no more syncs than the limit from one parallel burst (a one-hash sync is a lookup)', async () => {
    const a = await signUp('syncer');
    const statuses = await burst(8, (i) =>
      callAs(a, { LIMIT_CONTACT_SYNCS_PER_HOUR: '3' }, '/v1/me/contacts', {
        method: 'PUT',
        body: { hashes: [i.toString(16).padStart(64, '0')] },
      }),
    );
    expect(countOf(statuses, 200)).toBe(3);
    expect(countOf(statuses, 429)).toBe(5);
  });
});
