import type { Conversation, MemberStatus } from '@clipdm/shared';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { type Keyset, pastCursor } from '../db/keyset.ts';
import { queryTemplate, type Value } from '../db/query-templates.ts';
import { runAsTransaction } from '../db/raw-batch.ts';
import { conversations, members, settings } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { ownRowFields, viewPartQueries, viewsFromRows } from './conversation-views.ts';

/**
 * The two halves of one page of the viewer's inbox or requests, each with the viewer's own row of every
 * conversation (`ownRowFields`), each `take` deep:
 * - direct chats: one range of members_box_idx, already in order — the member row carries the chat's
 *   activity (`direct_activity_at`, two rows a direct send writes);
 * - groups: the viewer's group rows of the same index (`direct_activity_at` is null there), ordered by each
 *   conversation's own activity, which a group send writes once rather than on every member's row; the
 *   price is a sort of the viewer's groups (docs/performance.md).
 * The page is the newest `take` (the page and one more) of the two together.
 */
export function boxHalvesQueries(
  db: Db,
  userId: Value,
  box: Value<MemberStatus>,
  take: Value<number>,
  after: { at: Value; id: Value } | null,
) {
  const ownRowsOf = (direct: boolean) =>
    and(
      eq(members.userId, userId),
      eq(members.state, box),
      eq(members.hidden, false),
      direct ? isNotNull(members.directActivityAt) : isNull(members.directActivityAt),
    );
  const directs = db
    .select({ ...ownRowFields, directAt: members.directActivityAt })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .leftJoin(settings, eq(settings.userId, members.userId))
    .where(and(ownRowsOf(true), pastCursor(members.directActivityAt, members.conversationId, after)))
    .orderBy(desc(members.directActivityAt), desc(members.conversationId))
    .limit(take);
  const groups = db
    .select(ownRowFields)
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .leftJoin(settings, eq(settings.userId, members.userId))
    .where(and(ownRowsOf(false), pastCursor(conversations.lastActivityAt, conversations.id, after)))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(take);
  return { directs, groups };
}

/** The page's batch: both halves, then the view queries, which take both halves' ids as their list. */
function boxPageQueries(
  db: Db,
  viewerId: Value,
  box: Value<MemberStatus>,
  take: Value<number>,
  after: { at: Value; id: Value } | null,
) {
  const { directs, groups } = boxHalvesQueries(db, viewerId, box, take, after);
  const directIds = directs.as('direct_half');
  const groupIds = groups.as('group_half');
  // The view queries take both halves' ids (up to twice the page): cheaper than a third sort to cut them.
  const pageIds = sql`(select ${directIds.id} from ${directIds} union all select ${groupIds.id} from ${groupIds})`;
  return [directs, groups, ...viewPartQueries(db, viewerId, pageIds)] as const;
}

/** `boxPageQueries` built once for a first page and once for a page past a cursor; a read fills in its values. */
const boxPageTemplates = {
  first: queryTemplate((db) =>
    boxPageQueries(db, sql.placeholder('viewerId'), sql.placeholder('box'), sql.placeholder('take'), null),
  ),
  next: queryTemplate((db) =>
    boxPageQueries(db, sql.placeholder('viewerId'), sql.placeholder('box'), sql.placeholder('take'), {
      at: sql.placeholder('afterAt'),
      id: sql.placeholder('afterId'),
    }),
  ),
};

/** Newest first, the id breaking ties, as both halves are ordered. */
function newestFirst(a: Keyset, b: Keyset): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * One page of the viewer's inbox or requests with every conversation's view, in ONE D1 batch: the two
 * halves of the page read the viewer's own rows themselves, and the other view queries take both halves'
 * ids as their list. SQLite runs the halves again in each view statement; the groups' half is a sort of the
 * viewer's groups each time, the direct chats' half a range of at most `limit + 1` index entries.
 */
export async function boxPage(
  db: Db,
  viewerId: string,
  box: MemberStatus,
  limit: number,
  after: Keyset | null,
): Promise<{ conversations: Conversation[]; more: boolean; last: Keyset | undefined }> {
  const template = after ? boxPageTemplates.next : boxPageTemplates.first;
  const [directRows, groupRows, everyone, lastRows, reactionRows] = await runAsTransaction(
    db,
    template.fill({ viewerId, box, take: limit + 1, afterAt: after?.at, afterId: after?.id }),
  );
  const rows = [
    ...directRows.map((row) => ({ ...row, at: row.directAt ?? row.lastActivityAt })),
    ...groupRows.map((row) => ({ ...row, at: row.lastActivityAt })),
  ].sort(newestFirst);
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    conversations: viewsFromRows(viewerId, [kept, everyone, lastRows, reactionRows]),
    more: rows.length > limit,
    last: last && { at: last.at, id: last.id },
  };
}
