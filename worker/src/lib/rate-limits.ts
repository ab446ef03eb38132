import { and, eq, sql } from 'drizzle-orm';
import { rateLimits } from '../db/schema.ts';
import type { Db } from '../env.ts';

/** The window `now` falls in, and the seconds until it ends. */
function windowOf(windowSeconds: number, now: number) {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  return { windowStart, retryAfter: windowStart + windowSeconds - Math.floor(now / 1000) };
}

/**
 * The one atomic statement that counts a hit against `key` in a fixed window and returns (`count`) the
 * count so far in that window, for running inside a batch; `retryAfter` is the seconds until it ends.
 * Raw because it runs in `runAsTransaction` batches, which drizzle cannot bind (drizzle-orm#2277).
 */
export function hitStatement(key: string, windowSeconds: number, now = Date.now()) {
  const { windowStart, retryAfter } = windowOf(windowSeconds, now);
  const statement = sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${windowStart}, 1)
    on conflict(key) do update set
      count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
      window_start = excluded.window_start
    returning count`;
  return { statement, retryAfter };
}

/** Counts one hit against `key` (see `hitStatement`) and returns the count so far in the window. */
export async function hit(db: Db, key: string, windowSeconds: number, now = Date.now()) {
  const { statement, retryAfter } = hitStatement(key, windowSeconds, now);
  const row = await db.get<{ count: number }>(statement);
  return { count: row.count, retryAfter };
}

/** The hits against `key` in the current window, without counting one. */
export async function peek(db: Db, key: string, windowSeconds: number, now = Date.now()) {
  const { windowStart, retryAfter } = windowOf(windowSeconds, now);
  const row = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)))
    .get();
  return { count: row?.count ?? 0, retryAfter };
}

export async function clear(db: Db, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
