import type { StreamEvent } from '@clipdm/shared';
import type { Env } from '../env.ts';
import { logEvent } from '../lib/log.ts';

export interface Delivery {
  userId: string;
  event: StreamEvent;
}

/**
 * Hands events to each recipient's `UserHub` after the write has committed. Runs in `waitUntil`, so the
 * caller's response never waits on fan-out, and a hub that fails is logged, never surfaced: D1 is the
 * source of truth and clients catch up with `messages?after=`.
 */
export function publish(env: Env, executionCtx: ExecutionContext, deliveries: Delivery[]): void {
  if (deliveries.length === 0) return;
  const byUser = new Map<string, StreamEvent[]>();
  for (const { userId, event } of deliveries) byUser.set(userId, [...(byUser.get(userId) ?? []), event]);
  const sends = [...byUser].map(async ([userId, events]) => {
    try {
      const hub = env.USER_HUB.get(env.USER_HUB.idFromName(userId));
      await hub.fetch('https://user-hub/publish', { method: 'POST', body: JSON.stringify(events) });
    } catch (error) {
      logEvent('warn', { msg: 'fan-out failed', userId, error: String(error) });
    }
  });
  executionCtx.waitUntil(Promise.all(sends));
}
