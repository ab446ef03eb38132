import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { queryTemplate, type Value } from '../db/query-templates.ts';
import { runAsTransaction } from '../db/raw-batch.ts';
import { conversations, members, messages } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { hiddenByBlock } from './block-hiding.ts';
import { conversationViewQueries, viewsFromRows } from './conversation-views.ts';

const row = (conversationId: Value, userId: Value) =>
  and(eq(members.conversationId, conversationId), eq(members.userId, userId));

/**
 * A declined direct conversation may still be accepted (someone changed their mind); a declined group may not:
 * a decline is final for that group (API.md), so its decliner gets the same 404 as an outsider.
 */
const acceptable = or(
  eq(members.state, 'request'),
  and(
    eq(members.state, 'declined'),
    sql`exists (select 1 from ${conversations} where ${conversations.id} = ${members.conversationId} and ${conversations.kind} = 'direct')`,
  ),
);

/**
 * Request → accepted (also a declined direct one, when someone changes their mind); shows it in the inbox. The
 * same batch (one round trip) reads back the viewer's new view and every member row, for the live events.
 */
export async function acceptConversation(db: Db, conversationId: string, userId: string) {
  const [, own, everyone, lastRows, reactionRows, rows] = await runAsTransaction(
    db,
    acceptTemplate.fill({ conversationId, userId }),
  );
  const [view] = viewsFromRows(userId, [own, everyone, lastRows, reactionRows]);
  return { view, rows };
}

/** The batch of an accept, built once: the guarded update, the viewer's new view, every member row. */
const acceptTemplate = queryTemplate((db) => {
  const conversationId = sql.placeholder('conversationId');
  const userId = sql.placeholder('userId');
  return [
    db
      .update(members)
      .set({ state: 'accepted', hidden: false })
      .where(and(row(conversationId, userId), acceptable)),
    ...conversationViewQueries(db, userId, [conversationId]),
    db.select().from(members).where(eq(members.conversationId, conversationId)),
  ] as const;
});

/** The statement of a decline, for a batch. */
export function declineStatement(db: Db, conversationId: string, userId: string) {
  return db
    .update(members)
    .set({ state: 'declined' })
    .where(and(row(conversationId, userId), eq(members.state, 'request')));
}

/** Hides a request from the viewer for good; the sender's messages and count stay as they are. */
export async function declineConversation(db: Db, conversationId: string, userId: string) {
  await declineStatement(db, conversationId, userId);
}

export async function setMuted(db: Db, conversationId: string, userId: string, muted: boolean) {
  await db.update(members).set({ muted }).where(row(conversationId, userId));
}

/**
 * Moves the read marker forward to `seq` (capped at the last message, never backwards); the unread count
 * follows from it (`last_seq − last_read_seq`). Returns the marker after the update.
 */
export async function markRead(db: Db, conversationId: string, userId: string, seq: number) {
  const lastSeq = sql`(select ${conversations.lastSeq} from ${conversations} where ${conversations.id} = ${conversationId})`;
  // SQLite reads `members.last_read_seq` in SET as the row's value before the update: both use the old marker.
  const marker = sql`max(${members.lastReadSeq}, min(${seq}, ${lastSeq}))`;
  const [updated] = await db
    .update(members)
    .set({
      lastReadSeq: marker,
      // The unread count is last_seq − last_read_seq − hidden_unread: recount the messages after the new
      // marker that a block in a group hides from the reader (`hiddenByBlock`), usually none.
      hiddenUnread: sql`(select count(*) from ${messages} where ${messages.conversationId} = ${conversationId}
        and ${messages.senderId} <> ${userId} and ${messages.seq} > ${marker}
        and ${hiddenByBlock({
          viewerId: userId,
          senderId: messages.senderId,
          messageKind: messages.kind,
          conversationKind: sql`(select ${conversations.kind} from ${conversations} where ${conversations.id} = ${conversationId})`,
        })})`,
    })
    .where(row(conversationId, userId))
    .returning({ lastReadSeq: members.lastReadSeq });
  return updated?.lastReadSeq ?? 0;
}

/** A direct conversation left by the viewer: out of their lists until a new message arrives. */
export async function hideDirect(db: Db, conversationId: string, userId: string) {
  await db.update(members).set({ hidden: true }).where(row(conversationId, userId));
}

/**
 * The query behind `unreadCounts`, served by members_box_idx and the conversations' primary key: a
 * conversation is unread while it has messages past the member's read marker that they see
 * (`last_seq − last_read_seq − hidden_unread`).
 */
export function unreadCountsQuery(db: Db, userIds: Value[]) {
  return db
    .select({
      userId: members.userId,
      inbox: sql<number>`sum(${members.state} = 'accepted' and ${members.muted} = 0)`,
      requests: sql<number>`sum(${members.state} = 'request')`,
    })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .where(
      and(
        inArray(members.userId, userIds),
        inArray(members.state, ['accepted', 'request']),
        eq(members.hidden, false),
        sql`${conversations.lastSeq} - ${members.lastReadSeq} - ${members.hiddenUnread} > 0`,
      ),
    )
    .groupBy(members.userId);
}

/** `unreadCountsQuery` for one person (the badge, and a person's own live counts), built once. */
const oneUsersCounts = queryTemplate((db) => [unreadCountsQuery(db, [sql.placeholder('userId')])] as const);

/**
 * How many conversations in each box have unread messages, for each user (muted ones are not counted in
 * the inbox), in one query.
 */
export async function unreadCounts(
  db: Db,
  userIds: string[],
): Promise<Map<string, { inbox: number; requests: number }>> {
  const counts = new Map(userIds.map((id) => [id, { inbox: 0, requests: 0 }]));
  if (userIds.length === 0) return counts;
  const [one] = userIds;
  const rows =
    userIds.length === 1
      ? (await runAsTransaction(db, oneUsersCounts.fill({ userId: one })))[0]
      : await unreadCountsQuery(db, userIds);
  for (const r of rows) {
    counts.set(r.userId, { inbox: Number(r.inbox ?? 0), requests: Number(r.requests ?? 0) });
  }
  return counts;
}
