import {
  and,
  desc,
  eq,
  exists,
  isNull,
  lte,
  notExists,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { type Keyset, pastCursor } from '../../db/keyset.ts';
import { blocks, follows, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import type { UserRow } from '../account/queries.ts';

/** Escapes LIKE wildcards so a search for "a_b" means those three characters. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * D1 refuses a LIKE pattern over 50 bytes ("LIKE or GLOB pattern too complex", a 500 before this: ten 🙂
 * passed, thirty did not), and 50 characters of emoji or accents are up to 200 bytes.
 */
const LIKE_PATTERN_BYTES = 50;
const utf8 = new TextEncoder();

/**
 * `column` starts with `q`, as LIKE compares (ASCII letters in either case). A `q` whose pattern would
 * pass D1's limit is matched by its longest prefix that fits, and the whole of it by comparing the
 * column's first characters (`lower` folds ASCII only, as LIKE does).
 */
function startsWith(column: SQLWrapper, q: string): SQL {
  const chars = [...q];
  let pattern = '';
  let fitted = 0;
  for (const ch of chars) {
    const longer = pattern + escapeLike(ch);
    if (utf8.encode(longer).length + 1 > LIKE_PATTERN_BYTES) break;
    pattern = longer;
    fitted++;
  }
  const like = sql`${column} like ${`${pattern}%`} escape '\\'`;
  if (fitted === chars.length) return like;
  return sql`(${like} and lower(substr(${column}, 1, ${chars.length})) = lower(${q}))`;
}

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
 * viewer, and minors the viewer does not follow. A query, not its rows: `findPeople` runs it in one batch
 * with the viewer's policy facts about the people it finds.
 */
export function searchPeopleQuery(db: Db, viewerId: string, q: string) {
  return db
    .select()
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        sql`${users.id} <> ${viewerId}`,
        or(startsWith(users.handle, q.toLowerCase()), startsWith(users.displayName, q)),
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
