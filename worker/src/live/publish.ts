import type { StreamEvent } from '@clipdm/shared';
import { drizzle } from 'drizzle-orm/d1';
import type { Env } from '../env.ts';
import { describeError, logEvent } from '../lib/log.ts';
import { liveAmong } from './presence.ts';

export interface Delivery {
  userId: string;
  event: StreamEvent;
}

/** All `publish` needs of an execution context; Hono's `c.executionCtx` and the runtime's both fit. */
export type WaitUntil = Pick<ExecutionContext, 'waitUntil'>;

/** Groups deliveries by recipient, keeping each recipient's events in the order they were given. */
function eventsByUser(deliveries: Delivery[]): Map<string, StreamEvent[]> {
  const byUser = new Map<string, StreamEvent[]>();
  for (const { userId, event } of deliveries) {
    const events = byUser.get(userId);
    if (events) events.push(event);
    else byUser.set(userId, [event]);
  }
  return byUser;
}

async function sendToHub(env: Env, userId: string, events: StreamEvent[]): Promise<void> {
  try {
    const hub = env.USER_HUB.get(env.USER_HUB.idFromName(userId));
    await hub.publish(events);
  } catch (error) {
    logEvent('warn', { msg: 'fan-out failed', userId, error: describeError(error) });
  }
}

/**
 * Hands events to each recipient's `UserHub` after the write has committed. Runs in `waitUntil`, so the
 * caller's response never waits on fan-out, and a hub that fails is logged, never surfaced: D1 is the
 * source of truth and clients catch up with `messages?after=`. One RPC call per recipient with a socket
 * open (`live_presence`), whatever the number of events, and recipients are reached in parallel so one
 * slow hub does not hold up the others.
 */
export function publish(env: Env, executionCtx: WaitUntil, deliveries: Delivery[]): void {
  if (deliveries.length === 0) return;
  executionCtx.waitUntil(fanOut(env, deliveries));
}

/**
 * Calls the hubs of the recipients who have a socket open: the others would only be woken to find no one
 * to tell (a Durable Object request each, and most of a group is offline at any moment). Read on the
 * primary, where the stream route marked the socket before opening it. If the read fails, every hub is
 * called, as before presence was kept: a wasted call beats a lost event.
 */
async function fanOut(env: Env, deliveries: Delivery[]): Promise<unknown> {
  const byUser = eventsByUser(deliveries);
  const live = await liveAmong(drizzle(env.DB), [...byUser.keys()]).catch((error) => {
    logEvent('warn', { msg: 'presence read failed; calling every hub', error: describeError(error) });
    return null;
  });
  return Promise.all(
    [...byUser]
      .filter(([userId]) => live === null || live.has(userId))
      .map(([userId, events]) => sendToHub(env, userId, events)),
  );
}

/**
 * `publish` for events still being worked out (reads that only feed live events): the working out runs
 * in `waitUntil` too, so the response waits on neither; a failure there is logged like a hub's.
 */
export function publishLater(env: Env, executionCtx: WaitUntil, deliveries: Promise<Delivery[]>): void {
  executionCtx.waitUntil(
    deliveries
      .then((ready) => fanOut(env, ready))
      .catch((error) => logEvent('warn', { msg: 'live events failed', error: describeError(error) })),
  );
}
