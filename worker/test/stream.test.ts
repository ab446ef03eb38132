import { env, evictDurableObject, runInDurableObject } from 'cloudflare:test';
import type { StreamEvent } from '@clipdm/shared';
import { eq, lt } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/db/schema.ts';
import { sha256Hex } from '../src/lib/crypto.ts';
import { issueStreamTicket, STREAM_TICKET_TTL_MS } from '../src/live/tickets.ts';
import { MAX_SOCKETS_PER_USER, PING, PONG } from '../src/live/user-hub.ts';
import { call, expectError, signUp } from './helpers.ts';
import { connect, hubOf, openStream, publishTo, sleep, ticketFor, watch } from './live-socket.ts';

/** The user and login an access token names (a ticket belongs to a login). */
function loginOf(user: { user: { id: string }; accessToken: string }) {
  const payload = JSON.parse(atob(user.accessToken.split('.')[1] as string)) as { sid: string };
  return { userId: user.user.id, loginId: payload.sid };
}

const db = drizzle(env.DB);

const unread = (inbox: number): StreamEvent => ({ type: 'unread', inbox, requests: 0 });

async function ticketRows(userId: string) {
  return db.select().from(schema.streamTickets).where(eq(schema.streamTickets.userId, userId));
}

async function socketCount(userId: string): Promise<number> {
  return runInDurableObject(hubOf(userId), (_hub, state) => state.getWebSockets().length);
}

describe('POST /v1/stream/ticket', () => {
  it('issues a ticket that is stored only as its hash and expires in 30 s', async () => {
    const alice = await signUp('alice');
    const before = Date.now();
    const ticket = await ticketFor(alice);
    expect(ticket).toMatch(/^[0-9a-f]{64}$/);
    const rows = await ticketRows(alice.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.ticketHash).toBe(await sha256Hex(ticket));
    expect(rows[0]?.ticketHash).not.toBe(ticket);
    expect(rows[0]?.expiresAt).toBeGreaterThanOrEqual(before + STREAM_TICKET_TTL_MS);
    expect(rows[0]?.expiresAt).toBeLessThanOrEqual(Date.now() + STREAM_TICKET_TTL_MS);
  });

  it('gives a different ticket every time', async () => {
    const alice = await signUp('alice');
    expect(await ticketFor(alice)).not.toBe(await ticketFor(alice));
  });

  it('sweeps tickets that expired unused', async () => {
    const alice = await signUp('alice');
    const stale = await issueStreamTicket(db, loginOf(alice), Date.now() - 2 * STREAM_TICKET_TTL_MS);
    expect(stale).not.toBeNull();
    await ticketFor(alice);
    const expired = await db
      .select()
      .from(schema.streamTickets)
      .where(lt(schema.streamTickets.expiresAt, Date.now()));
    expect(expired).toEqual([]);
    expect(await ticketRows(alice.user.id)).toHaveLength(1);
  });

  it('finds tickets by index when sweeping and spending them', async () => {
    const sweep = db.delete(schema.streamTickets).where(lt(schema.streamTickets.expiresAt, 1)).toSQL();
    const spend = db.delete(schema.streamTickets).where(eq(schema.streamTickets.ticketHash, 'x')).toSQL();
    for (const query of [sweep, spend]) {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
        .bind(...query.params)
        .all<{ detail: string }>();
      const details = plan.results.map((row) => row.detail).join('\n');
      expect(details).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY/);
      expect(details).not.toMatch(/^SCAN/m);
    }
  });

  it('refuses a caller without a valid access token', async () => {
    await expectError(await call('/v1/stream/ticket', { method: 'POST' }), 401, 'unauthorized');
    await expectError(
      await call('/v1/stream/ticket', { method: 'POST', token: 'not-a-token' }),
      401,
      'unauthorized',
    );
  });
});

describe('GET /v1/stream', () => {
  it("upgrades to a WebSocket on the ticket owner's hub", async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    const live = await connect(alice);
    // The ticket says whose socket this is: bob's events never reach it, alice's do.
    expect(await publishTo(bob.user.id, [unread(9)])).toBe(0);
    expect(await publishTo(alice.user.id, [unread(1)])).toBe(1);
    expect(await live.nextEvent()).toEqual(unread(1));
    expect(live.frames).toHaveLength(1);
  });

  it("upgrades a browser extension's handshake, which carries an Origin", async () => {
    const alice = await signUp('alice');
    const ticket = await ticketFor(alice);
    const res = await call(`/v1/stream?ticket=${ticket}`, {
      headers: { Upgrade: 'websocket', Origin: 'chrome-extension://abcdefghijklmnop' },
    });
    expect(res.status).toBe(101);
    if (!res.webSocket) throw new Error('no socket');
    const live = watch(res.webSocket);
    expect(await publishTo(alice.user.id, [unread(4)])).toBe(1);
    expect(await live.nextEvent()).toEqual(unread(4));
  });

  it('refuses a ticket used before', async () => {
    const alice = await signUp('alice');
    const ticket = await ticketFor(alice);
    const first = await openStream(ticket);
    expect(first.status).toBe(101);
    first.webSocket?.accept();
    await expectError(await openStream(ticket), 401, 'unauthorized');
  });

  it('refuses an expired ticket', async () => {
    const alice = await signUp('alice');
    const ticket = await issueStreamTicket(db, loginOf(alice), Date.now() - STREAM_TICKET_TTL_MS - 1);
    if (!ticket) throw new Error('no ticket issued');
    await expectError(await openStream(ticket), 401, 'unauthorized');
  });

  it('accepts a ticket just before it expires', async () => {
    const alice = await signUp('alice');
    const ticket = await issueStreamTicket(db, loginOf(alice), Date.now() - STREAM_TICKET_TTL_MS + 5_000);
    if (!ticket) throw new Error('no ticket issued');
    const res = await openStream(ticket);
    expect(res.status).toBe(101);
    res.webSocket?.accept();
  });

  it('refuses a made-up ticket, and an access token in its place', async () => {
    const alice = await signUp('alice');
    await expectError(await openStream('0'.repeat(64)), 401, 'unauthorized');
    await expectError(await openStream('garbage'), 401, 'unauthorized');
    await expectError(await openStream(alice.accessToken), 401, 'unauthorized');
  });

  it('answers 400 without a ticket or with an oversized one', async () => {
    const upgrade = { headers: { Upgrade: 'websocket' } };
    await expectError(await call('/v1/stream', upgrade), 400, 'invalid_request');
    await expectError(await call(`/v1/stream?ticket=${'a'.repeat(300)}`, upgrade), 400, 'invalid_request');
  });

  it('answers 400 to a plain GET and leaves the ticket unspent', async () => {
    const alice = await signUp('alice');
    const ticket = await ticketFor(alice);
    const plain = await call(`/v1/stream?ticket=${ticket}`);
    expect(plain.headers.get('upgrade')).toBe('websocket');
    await expectError(plain, 400, 'invalid_request');
    const res = await openStream(ticket);
    expect(res.status).toBe(101);
    res.webSocket?.accept();
  });

  it('answers ping with pong', async () => {
    const alice = await signUp('alice');
    const live = await connect(alice);
    live.socket.send(PING);
    expect(await live.next()).toBe(PONG);
    live.socket.send(PING);
    expect(await live.next()).toBe(PONG);
  });
});

describe('UserHub', () => {
  it('sends every event to every device of the user, one JSON object per frame, in order', async () => {
    const alice = await signUp('alice');
    const phone = await connect(alice);
    const laptop = await connect(alice);
    const tablet = await connect(alice);
    const read: StreamEvent = { type: 'read', conversationId: 'c1', userId: 'u2', seq: 4 };
    expect(await publishTo(alice.user.id, [unread(2), read])).toBe(3);
    for (const device of [phone, laptop, tablet]) {
      expect(await device.next()).toBe(JSON.stringify(unread(2)));
      expect(await device.nextEvent()).toEqual(read);
    }
  });

  it('forgets a device that disconnected and keeps serving the others', async () => {
    const alice = await signUp('alice');
    const phone = await connect(alice);
    const laptop = await connect(alice);
    expect(await socketCount(alice.user.id)).toBe(2);
    laptop.socket.close(1000, 'bye');
    await laptop.closed;
    for (let i = 0; i < 50 && (await socketCount(alice.user.id)) > 1; i++) await sleep(20);
    expect(await socketCount(alice.user.id)).toBe(1);
    expect(await publishTo(alice.user.id, [unread(3)])).toBe(1);
    expect(await phone.nextEvent()).toEqual(unread(3));
    expect(laptop.frames).toEqual([]);
  });

  it(`keeps at most ${MAX_SOCKETS_PER_USER} devices, closing the oldest`, async () => {
    const alice = await signUp('alice');
    const devices = [];
    for (let i = 0; i < MAX_SOCKETS_PER_USER; i++) devices.push(await connect(alice));
    const newest = await connect(alice);
    expect(await devices[0]?.closed).toBe(1008);
    expect(await publishTo(alice.user.id, [unread(1)])).toBe(MAX_SOCKETS_PER_USER);
    expect(await newest.nextEvent()).toEqual(unread(1));
    expect(await devices[1]?.nextEvent()).toEqual(unread(1));
  });

  it('refuses a publish that is not a list of events, and no longer takes one over fetch', async () => {
    const notAList = { a: 1 } as unknown as StreamEvent[];
    expect(await hubOf('someone').publish(notAList)).toBe(0);
    const res = await hubOf('someone').fetch('https://user-hub/publish', { method: 'POST', body: '[]' });
    expect(res.status).toBe(404);
  });

  it('only upgrades requests that ask for a WebSocket', async () => {
    const res = await hubOf('someone').fetch('https://user-hub/connect');
    expect(res.status).toBe(404);
    expect(res.webSocket).toBeNull();
  });

  it('reaches sockets that were accepted before the hub was evicted from memory', async () => {
    const alice = await signUp('alice');
    const res = await openStream(await ticketFor(alice));
    const socket = res.webSocket;
    if (!socket) throw new Error('no socket');
    const live = watch(socket);
    await evictDurableObject(hubOf(alice.user.id));
    expect(await publishTo(alice.user.id, [unread(5)])).toBe(1);
    expect(await live.nextEvent()).toEqual(unread(5));
    live.socket.send(PING);
    expect(await live.next()).toBe(PONG);
  });
});
