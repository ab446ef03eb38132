import {
  and,
  desc,
  eq,
  exists,
  inArray,
  isNull,
  lte,
  notExists,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { type Keyset, pastCursor } from '../../db/keyset.ts';
import type { Value } from '../../db/query-templates.ts';
import { blocks, follows, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import type { UserRow } from '../account/queries.ts';

/**
 * `key` starts with `prefix`, as one range of an index on `key`: every string that starts with the prefix
 * sorts from the prefix itself to the prefix followed by the last code point (SQLite compares text
 * bytewise; `char(1114111)` is made in SQLite, so no binding turns it into a replacement character).
 * No LIKE: SQLite uses an index for a case-insensitive LIKE only on a NOCASE column, and D1 refuses LIKE
 * patterns over 50 bytes (fifty emoji answered 500 when this was a LIKE).
 */
function startsWith(key: SQLWrapper, prefix: SQLWrapper): SQL {
  return sql`(${key} >= ${prefix} and ${key} < ${prefix} || char(1114111))`;
}

const notBlockedEitherWay = (viewerId: Value) =>
  notExists(
    sql`(select 1 from ${blocks} where (${blocks.blockerId} = ${viewerId} and ${blocks.blockedId} = ${users.id})
      or (${blocks.blockerId} = ${users.id} and ${blocks.blockedId} = ${viewerId}))`,
  );

/** The latest birthdate of an adult today (UTC): 18 years ago, a birthday counting as reached on the day. */
export function adultBornBy(today = new Date()): string {
  const date = today.toISOString().slice(4, 10);
  return `${String(today.getUTCFullYear() - 18).padStart(4, '0')}${date}`;
}

/** Adults, and minors only to those who follow them: 13–17-year-olds are not found by strangers. */
const findableBy = (db: Db, viewerId: Value, adultsBornBy: Value) =>
  or(
    lte(users.birthdate, adultsBornBy),
    exists(
      db
        .select({ one: follows.followerId })
        .from(follows)
        .where(and(eq(follows.followerId, viewerId), eq(follows.followeeId, users.id))),
    ),
  );

/**
 * Up to 20 live accounts whose handle or display name starts with `q` (ASCII letters in either case),
 * minus blocks either way, the viewer, and minors the viewer does not follow. Each of the two prefixes is
 * one index range, read up to 20 people deep, and the two lists merged: a plain `or` of the two ranges
 * ordered by handle made SQLite walk the whole handle index instead. A query, not its rows: `findPeople`
 * runs it in one batch with the viewer's policy facts about the people it finds.
 */
export function searchPeopleQuery(db: Db, viewerId: Value, q: Value, adultsBornBy: Value = adultBornBy()) {
  const visible = and(
    isNull(users.deletedAt),
    sql`${users.id} <> ${viewerId}`,
    notBlockedEitherWay(viewerId),
    findableBy(db, viewerId, adultsBornBy),
  );
  const lowerQ = sql`lower(${q})`;
  // Handles are stored in lowercase; `lower` folds ASCII only, as users_display_name_lower_idx does.
  const nameKey = sql`lower(${users.displayName})`;
  const byHandle = db
    .select({ id: users.id })
    .from(users)
    .where(and(startsWith(users.handle, lowerQ), visible))
    .orderBy(users.handle)
    .limit(20);
  const byName = db
    .select({ id: users.id })
    .from(users)
    .where(and(startsWith(nameKey, lowerQ), visible))
    .orderBy(nameKey)
    .limit(20);
  return db
    .select()
    .from(users)
    .where(or(inArray(users.id, byHandle), inArray(users.id, byName)))
    .orderBy(users.handle)
    .limit(20);
}

/** The account behind a handle, unless it is deleted or has blocked the viewer (then it "does not exist"). */
export async function findVisibleUser(
  db: Db,
  viewerId: string,
  handle: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.handle, handle),
        isNull(users.deletedAt),
        notExists(
          db
            .select({ one: blocks.blockerId })
            .from(blocks)
            .where(and(eq(blocks.blockerId, users.id), eq(blocks.blockedId, viewerId))),
        ),
      ),
    )
    .limit(1);
  return row;
}

/** The viewer's blocked accounts, newest block first, one page. */
export async function listBlocked(db: Db, viewerId: string, limit: number, after: Keyset | null) {
  const rows = await db
    .select({ user: users, blockedAt: blocks.createdAt })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(and(eq(blocks.blockerId, viewerId), pastCursor(blocks.createdAt, blocks.blockedId, after)))
    .orderBy(desc(blocks.createdAt), desc(blocks.blockedId))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
