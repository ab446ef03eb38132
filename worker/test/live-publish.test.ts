import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import type { StreamEvent } from '@clipdm/shared';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { markLive } from '../src/live/presence.ts';
import { publish } from '../src/live/publish.ts';
import { signUp } from './helpers.ts';
import { connect, envWithFailingHubs, sleep } from './live-socket.ts';

const unread = (inbox: number): StreamEvent => ({ type: 'unread', inbox, requests: 0 });

describe('publish()', () => {
  it('hands each recipient its events, in order, from waitUntil', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    const aliceLive = await connect(alice);
    const bobLive = await connect(bob);
    const read: StreamEvent = { type: 'read', conversationId: 'c1', userId: bob.user.id, seq: 2 };
    const ctx = createExecutionContext();
    const returned = publish(env, ctx, [
      { userId: alice.user.id, event: unread(1) },
      { userId: bob.user.id, event: unread(7) },
      { userId: alice.user.id, event: read },
    ]);
    expect(returned).toBeUndefined();
    await waitOnExecutionContext(ctx);
    expect(await aliceLive.nextEvent()).toEqual(unread(1));
    expect(await aliceLive.nextEvent()).toEqual(read);
    expect(await bobLive.nextEvent()).toEqual(unread(7));
    await sleep(50);
    expect(aliceLive.frames).toHaveLength(2);
    expect(bobLive.frames).toHaveLength(1);
  });

  it('does nothing for no deliveries', async () => {
    const ctx = createExecutionContext();
    publish(env, ctx, []);
    await waitOnExecutionContext(ctx);
  });

  it('swallows a hub that rejects and still reaches the other recipients', async () => {
    const alice = await signUp('alice');
    const aliceLive = await connect(alice);
    // Fan-out calls only the hubs of people with a socket open.
    await markLive(drizzle(env.DB), 'broken', 'its-socket');
    const ctx = createExecutionContext();
    publish(envWithFailingHubs({ broken: 'rejects' }), ctx, [
      { userId: 'broken', event: unread(1) },
      { userId: alice.user.id, event: unread(2) },
    ]);
    // The failure stays inside waitUntil: the context settles without an error escaping it.
    await expect(waitOnExecutionContext(ctx)).resolves.toBeUndefined();
    expect(await aliceLive.nextEvent()).toEqual(unread(2));
  });

  it('returns at once, and reaches the others, while a hub never answers', async () => {
    const alice = await signUp('alice');
    const aliceLive = await connect(alice);
    await markLive(drizzle(env.DB), 'stuck', 'its-socket');
    const ctx = createExecutionContext();
    const returned = publish(envWithFailingHubs({ stuck: 'hangs' }), ctx, [
      { userId: 'stuck', event: unread(1) },
      { userId: alice.user.id, event: unread(3) },
    ]);
    // Not a promise: there is nothing for the caller to wait on.
    expect(returned).toBeUndefined();
    // Not awaiting the context (it waits on the stuck hub): alice's hub is called in parallel.
    expect(await aliceLive.nextEvent()).toEqual(unread(3));
  });
});
