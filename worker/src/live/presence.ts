import { and, eq, inArray } from 'drizzle-orm';
import { livePresence } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { chunked } from '../lib/chunked.ts';

/**
 * Who has a live socket open (`live_presence`). The mark is a fresh random value per opened socket, so
 * "clear it if it is still mine" is exact: a hub whose last socket closes clears only the mark of the
 * newest socket it accepted, and a ticket spent since (a reconnect racing the close) has written another.
 */

/** Records that `userId` is opening a socket; `mark` goes with the socket to the hub. */
export async function markLive(db: Db, userId: string, mark: string, now = Date.now()): Promise<void> {
  await db
    .insert(livePresence)
    .values({ userId, mark, since: now })
    .onConflictDoUpdate({ target: livePresence.userId, set: { mark, since: now } });
}

/** Clears `userId`'s presence, unless a socket opened since has replaced `mark`. */
export async function forgetLive(db: Db, userId: string, mark: string): Promise<void> {
  await db.delete(livePresence).where(and(eq(livePresence.userId, userId), eq(livePresence.mark, mark)));
}

/** The users among `userIds` with a socket open, by the primary key; D1 binds at most 100 values a statement. */
export async function liveAmong(db: Db, userIds: string[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (const chunk of chunked(userIds, 100)) {
    const rows = await db
      .select({ userId: livePresence.userId })
      .from(livePresence)
      .where(inArray(livePresence.userId, chunk));
    for (const row of rows) live.add(row.userId);
  }
  return live;
}
