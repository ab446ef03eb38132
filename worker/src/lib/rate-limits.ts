import { type SQL, sql } from 'drizzle-orm';
import { runAsTransaction } from '../db/raw-batch.ts';
import type { Db } from '../env.ts';
import { ApiError } from './api-error.ts';

/**
 * Rate limits as a sliding log in D1: one row per hit (`rate_hits`), counted over the last `windowMs`.
 * A window that slides has no edge to straddle, so no burst gets twice the limit, and the count is exact.
 *
 * Counting and checking are one atomic step: `limitStatements` inserts the hits and then checks the count
 * in the same transaction, failing (SQLite's JSON path error, the one way to abort from plain SQL) when it
 * is over the limit. D1 runs a batch as one transaction, one at a time, so of a parallel burst exactly as
 * many get through as a serial run would let through, and a refused attempt leaves no hit behind. The
 * statements can ride in a bigger transaction (a send, a group), which is then refused whole.
 */

export interface Limit {
  /** Names the limit in the failure, e.g. `send`; letters, digits, `-` and `_` only. */
  name: string;
  key: string;
  max: number;
  windowMs: number;
}

const OVER_LIMIT = /over_limit:([\w-]+)/;

/**
 * The statements that count `n` hits against `limit` and fail if that takes it over `max`: a sweep of a
 * few expired hits (any key, so the table stays small), the hits, and the check.
 */
export function limitStatements(limit: Limit, n = 1, now = Date.now()): SQL[] {
  const hits = Array.from({ length: n }, () => sql`(${limit.key}, ${now}, ${now + limit.windowMs})`);
  return [
    sql`delete from rate_hits where id in (select id from rate_hits where expires_at <= ${now} limit 50)`,
    sql`insert into rate_hits (key, at, expires_at) values ${sql.join(hits, sql`, `)}`,
    sql`select json_extract('{}', case
      when (select count(*) from rate_hits where key = ${limit.key} and at > ${now - limit.windowMs}) <= ${limit.max}
      then '$' else ${`over_limit:${limit.name}`} end)`,
  ];
}

/** The name of the limit whose check stopped a failed batch, or null when something else failed. */
export function overLimitName(error: unknown): string | null {
  return OVER_LIMIT.exec(String(error))?.[1] ?? null;
}

/**
 * Seconds until `n` more hits fit: when the hit that must have left the window for that leaves it. Read
 * only after a refusal, so it costs nothing on the way through.
 */
export async function retryAfterSeconds(db: Db, limit: Limit, n = 1, now = Date.now()): Promise<number> {
  const keep = limit.max - n;
  if (keep < 0) return Math.ceil(limit.windowMs / 1000);
  const row = await db.get<{ at: number } | undefined>(
    sql`select at from rate_hits where key = ${limit.key} and at > ${now - limit.windowMs}
      order by at desc limit 1 offset ${keep}`,
  );
  const until = row ? row.at + limit.windowMs - now : 1000;
  return Math.max(1, Math.ceil(until / 1000));
}

/** The `429 rate_limited` answer, with `Retry-After`. */
export function rateLimited(message: string, retryAfter: number): ApiError {
  return new ApiError('rate_limited', message, {
    headers: { 'Retry-After': String(retryAfter) },
    details: { retryAfter },
  });
}

/**
 * Counts `n` hits against `limit` on their own (one transaction), or throws `429 rate_limited` without
 * counting them when they do not fit.
 */
export async function admit(db: Db, limit: Limit, message: string, n = 1, now = Date.now()): Promise<void> {
  try {
    await runAsTransaction(db, limitStatements(limit, n, now));
  } catch (error) {
    throw await limitedAnswer(db, error, limit, message, n, now);
  }
}

/**
 * What to throw for a failed transaction that carried `limitStatements(limit, n)`: the `429` when the
 * limit's check stopped it, any other error as it was.
 */
export async function limitedAnswer(
  db: Db,
  error: unknown,
  limit: Limit,
  message: string,
  n = 1,
  now = Date.now(),
): Promise<unknown> {
  if (overLimitName(error) !== limit.name) return error;
  return rateLimited(message, await retryAfterSeconds(db, limit, n, now));
}

/** Forgets every hit against `key` (a successful sign-in clears its failures). */
export async function clearHits(db: Db, key: string): Promise<void> {
  await db.run(sql`delete from rate_hits where key = ${key}`);
}
