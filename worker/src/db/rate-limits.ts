import { sql } from 'drizzle-orm';
import type { Db } from '../env.ts';

/**
 * Counts one hit against `key` in a fixed window and returns the count so far in that window, in one
 * atomic statement. `retryAfter` is the seconds until the window ends.
 */
export async function hit(db: Db, key: string, windowSeconds: number, now = Date.now()) {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  const row = await db.get<{ count: number }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${windowStart}, 1)
    on conflict(key) do update set
      count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
      window_start = excluded.window_start
    returning count`);
  return { count: row.count, retryAfter: windowStart + windowSeconds - Math.floor(now / 1000) };
}

/** The hits against `key` in the current window, without counting one. */
export async function peek(db: Db, key: string, windowSeconds: number, now = Date.now()) {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  const row = await db.get<{ count: number } | undefined>(
    sql`select count from rate_limits where key = ${key} and window_start = ${windowStart}`,
  );
  return { count: row?.count ?? 0, retryAfter: windowStart + windowSeconds - Math.floor(now / 1000) };
}

export async function clear(db: Db, key: string) {
  await db.run(sql`delete from rate_limits where key = ${key}`);
}
