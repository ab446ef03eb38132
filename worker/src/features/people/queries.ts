import { and, desc, eq, exists, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import { type Keyset, pastCursor } from '../../db/keyset.ts';
import { blocks, follows, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import type { UserRow } from '../account/queries.ts';

/** Escapes LIKE wildcards so a search for "a_b" means those three characters. */
const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const notBlockedEitherWay = (viewerId: string) =>
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
const findableBy = (db: Db, viewerId: string) =>
  or(
    lte(users.birthdate, adultBornBy()),
    exists(
      db
        .select({ one: follows.followerId })
        .from(follows)
        .where(and(eq(follows.followerId, viewerId), eq(follows.followeeId, users.id))),
    ),
  );

/**
 * Up to 20 live accounts whose handle or display name starts with `q`, minus blocks either way, the
 * viewer, and minors the viewer does not follow.
 */
export async function searchPeople(db: Db, viewerId: string, q: string): Promise<UserRow[]> {
  const pattern = likePrefix(q);
  return db
    .select()
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        sql`${users.id} <> ${viewerId}`,
        or(
          sql`${users.handle} like ${pattern.toLowerCase()} escape '\\'`,
          sql`${users.displayName} like ${pattern} escape '\\'`,
        ),
        notBlockedEitherWay(viewerId),
        findableBy(db, viewerId),
      ),
    )
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
