import { createExecutionContext, env, evictDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import type { StreamEvent } from '@clipdm/shared';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { livePresence } from '../src/db/schema.ts';
import type { Env } from '../src/env.ts';
import { unreadDeliveries } from '../src/live/audiences.ts';
import { markLive } from '../src/live/presence.ts';
import { publish } from '../src/live/publish.ts';
import { signUp } from './helpers.ts';
import { connect, hubOf, sleep } from './live-socket.ts';

const db = drizzle(env.DB);
const unread = (inbox: number): StreamEvent => ({ type: 'unread', inbox, requests: 0 });

async function markOf(userId: string): Promise<string | null> {
  const [row] = await db.select().from(livePresence).where(eq(livePresence.userId, userId));
  return row?.mark ?? null;
}

/** Waits for the hub's close handler, which clears presence after the client's close reaches it. */
async function untilMark(userId: string, expected: (mark: string | null) => boolean): Promise<string | null> {
  let mark = await markOf(userId);
  for (let i = 0; i < 100 && !expected(mark); i++) {
    await sleep(20);
    mark = await markOf(userId);
  }
  return mark;
}

/** The real hub namespace, recording whose hubs `publish` reaches. */
function envCountingHubs(): { env: Env; reached: string[] } {
  const reached: string[] = [];
  const real = env.USER_HUB;
  const namespace = {
    idFromName: (name: string) => {
      reached.push(name);
      return real.idFromName(name);
    },
    get: (id: DurableObjectId) => real.get(id),
  };
  return { env: { ...env, USER_HUB: namespace as unknown as Env['USER_HUB'] }, reached };
}

describe('live presence', () => {
  it('is marked when a socket opens and cleared when the last one closes', async () => {
    const alice = await signUp('alice');
    expect(await markOf(alice.user.id)).toBeNull();
    const phone = await connect(alice);
    const laptop = await connect(alice);
    expect(await markOf(alice.user.id)).not.toBeNull();
    phone.socket.close(1000, 'bye');
    await phone.closed;
    await sleep(100);
    // One device is still open: the person is still live.
    expect(await markOf(alice.user.id)).not.toBeNull();
    laptop.socket.close(1000, 'bye');
    await laptop.closed;
    expect(await untilMark(alice.user.id, (mark) => mark === null)).toBeNull();
  });

  it('survives a close that races a newer ticket: only the newest mark is cleared', async () => {
    const alice = await signUp('alice');
    const old = await connect(alice);
    // A reconnect has spent its ticket (a new mark) but its socket has not reached the hub yet.
    await markLive(db, alice.user.id, 'newer-socket');
    old.socket.close(1000, 'bye');
    await old.closed;
    await sleep(200);
    expect(await markOf(alice.user.id)).toBe('newer-socket');
  });

  it('is cleared when signing out closes the last socket, and kept across hibernation', async () => {
    const alice = await signUp('alice');
    const live = await connect(alice);
    await evictDurableObject(hubOf(alice.user.id));
    expect(await markOf(alice.user.id)).not.toBeNull();
    expect(await hubOf(alice.user.id).signOut()).toBe(1);
    await live.closed;
    expect(await untilMark(alice.user.id, (mark) => mark === null)).toBeNull();
  });
});

describe('publish() and presence', () => {
  it('calls only the hubs of people with a socket open', async () => {
    const [alice, bob, carol] = await Promise.all([signUp('alice'), signUp('bob'), signUp('carol')]);
    const aliceLive = await connect(alice);
    const counting = envCountingHubs();
    const ctx = createExecutionContext();
    publish(counting.env, ctx, [
      { userId: alice.user.id, event: unread(1) },
      { userId: bob.user.id, event: unread(2) },
      { userId: carol.user.id, event: unread(3) },
    ]);
    await waitOnExecutionContext(ctx);
    expect(counting.reached).toEqual([alice.user.id]);
    expect(await aliceLive.nextEvent()).toEqual(unread(1));
  });

  it('calls every hub when presence cannot be read, so no event is lost to a failed read', async () => {
    const [alice, bob] = await Promise.all([signUp('alice'), signUp('bob')]);
    const counting = envCountingHubs();
    const broken = {
      prepare: () => {
        throw new Error('D1 is down');
      },
    } as unknown as D1Database;
    const ctx = createExecutionContext();
    publish({ ...counting.env, DB: broken }, ctx, [
      { userId: alice.user.id, event: unread(1) },
      { userId: bob.user.id, event: unread(2) },
    ]);
    await waitOnExecutionContext(ctx);
    expect(counting.reached.sort()).toEqual([alice.user.id, bob.user.id].sort());
  });
});

describe('live events are worked out only for people listening', () => {
  it("reads the unread counts of people with a socket open, and not the others'", async () => {
    const [alice, bob] = await Promise.all([signUp('alice'), signUp('bob')]);
    await connect(alice);
    const deliveries = await unreadDeliveries(db, [alice.user.id, bob.user.id]);
    expect(deliveries).toEqual([{ userId: alice.user.id, event: { type: 'unread', inbox: 0, requests: 0 } }]);
  });

  it("reads everyone's counts when presence cannot be read", async () => {
    const [alice, bob] = await Promise.all([signUp('alice'), signUp('bob')]);
    // A database whose presence table cannot be read, and everything else can.
    const presenceDown = drizzle(
      new Proxy(env.DB, {
        get(target, key) {
          if (key === 'prepare')
            return (query: string) => {
              if (query.includes('live_presence')) throw new Error('presence is down');
              return target.prepare(query);
            };
          const value = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
    );
    const deliveries = await unreadDeliveries(presenceDown, [alice.user.id, bob.user.id]);
    expect(deliveries.map((d) => d.userId).sort()).toEqual([alice.user.id, bob.user.id].sort());
  });
});
