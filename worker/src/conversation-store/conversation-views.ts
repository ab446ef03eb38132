import type { Conversation, Member, Message } from '@clipdm/shared';
import { and, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { queryTemplate, type Value } from '../db/query-templates.ts';
import { runAsTransaction } from '../db/raw-batch.ts';
import { blocks, conversations, members, messages, settings, users } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { chunked } from '../lib/chunked.ts';
import { latestSeqSeenBy } from './block-hiding.ts';
import { canSee } from './membership.ts';
import { selectMessages, toMessage } from './message-rows.ts';
import {
  lastMessageReactions,
  reactionSummariesQuery,
  reactionsByMessage,
  summarizeReactions,
} from './reactions.ts';

/** Ids per statement, so each stays under D1's 100 bound parameters. */
const CHUNK = 40;

type MemberRow = typeof members.$inferSelect;

/** A member's `lastReadSeq` is shown only between two accepted members who both have read receipts on. */
function visibleReadSeq(
  viewer: { state: MemberRow['state']; readReceipts: boolean },
  member: { state: MemberRow['state']; readReceipts: boolean; lastReadSeq: number },
): number | null {
  const shown =
    viewer.state === 'accepted' && member.state === 'accepted' && viewer.readReceipts && member.readReceipts;
  return shown ? member.lastReadSeq : null;
}

/**
 * The columns of a viewer's own row in a conversation's view: their member row, the conversation and their
 * read-receipt setting (`settings` left-joined on the member). Explicit columns: inside a batch D1 returns
 * rows as objects, so two columns of the same name (members and conversations both have last_activity_at)
 * would collide.
 */
export const ownRowFields = {
  userId: members.userId,
  joinedSeq: members.joinedSeq,
  state: members.state,
  muted: members.muted,
  // Derived, not stored: a send writes no row per member.
  unreadCount: sql<number>`case when ${members.state} in ('accepted', 'request') and ${members.hidden} = 0
    then max(0, ${conversations.lastSeq} - ${members.lastReadSeq} - ${members.hiddenUnread}) else 0 end`,
  id: conversations.id,
  kind: conversations.kind,
  title: conversations.title,
  lastActivityAt: conversations.lastActivityAt,
  createdAt: conversations.createdAt,
  readReceipts: settings.readReceipts,
};

/**
 * Viewers' own member rows with their conversations. `canSee` here makes the read its own membership
 * check: someone who may not see a conversation gets no view of it at all.
 */
function ownRows(db: Db, where: SQL | undefined) {
  return db
    .select(ownRowFields)
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .leftJoin(settings, eq(settings.userId, members.userId))
    .where(and(where, canSee));
}

/** Conversation ids: a list, or a subquery (a page of the viewer's box) run in the same batch. */
type Ids = Value[] | SQLWrapper;

/** The people still in these conversations, in the order they joined. */
function peopleOf(db: Db, ids: Ids) {
  return db
    .select({
      conversationId: members.conversationId,
      role: members.role,
      state: members.state,
      lastReadSeq: members.lastReadSeq,
      joinedAt: members.joinedAt,
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      avatarUrl: users.avatarUrl,
      verified: users.verified,
      readReceipts: settings.readReceipts,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .leftJoin(settings, eq(settings.userId, users.id))
    .where(and(inArray(members.conversationId, ids), sql`${members.state} not in ('left', 'removed')`))
    .orderBy(members.joinedAt, members.userId);
}

type OwnRow = Awaited<ReturnType<typeof ownRows>>[number];
type PersonRow = Awaited<ReturnType<typeof peopleOf>>[number];

/** The `Conversation` one viewer sees, from their own row, the people of the page and the last message. */
function toConversation(c: OwnRow, everyone: PersonRow[], lastMessage: Message | null): Conversation {
  const listed = everyone.filter(
    (m) => m.conversationId === c.id && (c.kind === 'direct' || m.state !== 'declined'),
  );
  const viewer = { state: c.state, readReceipts: c.readReceipts ?? false };
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    members: listed.map(
      (m): Member => ({
        id: m.id,
        handle: m.handle ?? '',
        displayName: m.displayName,
        avatarUrl: m.avatarUrl,
        verified: m.verified,
        role: m.role,
        lastReadSeq: visibleReadSeq(viewer, { ...m, readReceipts: m.readReceipts ?? false }),
      }),
    ),
    status: c.state === 'accepted' ? 'accepted' : 'request',
    muted: c.muted,
    unreadCount: Number(c.unreadCount),
    lastMessage,
    lastActivityAt: c.lastActivityAt,
    createdAt: c.createdAt,
  };
}

/**
 * The last message of each conversation the viewer may see (`latestSeqSeenBy`), unless it is from before
 * they joined (then there is none to show them).
 */
function lastMessagesQuery(db: Db, viewerId: Value, ids: Ids) {
  return selectMessages(db)
    .innerJoin(
      conversations,
      and(
        eq(conversations.id, messages.conversationId),
        eq(messages.seq, latestSeqSeenBy(viewerId, conversations)),
      ),
    )
    .where(
      and(
        inArray(conversations.id, ids),
        sql`${messages.seq} > (select v.joined_seq from members v
            where v.conversation_id = ${conversations.id} and v.user_id = ${viewerId})`,
      ),
    );
}

/**
 * The queries behind the views of up to 40 conversations, run as one batch: own rows, people, last
 * messages and their reactions. `ids` may be a subquery (a page), so the page and its views are one trip.
 */
export function conversationViewQueries(db: Db, viewerId: Value, ids: Ids) {
  return [
    ownRows(db, and(eq(members.userId, viewerId), inArray(members.conversationId, ids))),
    ...viewPartQueries(db, viewerId, ids),
  ] as const;
}

/**
 * `conversationViewQueries` without the viewer's own rows, for a caller that already reads them (a box
 * page selects `ownRowFields` itself): each statement here runs the page again, so one fewer counts.
 */
export function viewPartQueries(db: Db, viewerId: Value, ids: Ids) {
  const last = lastMessagesQuery(db, viewerId, ids);
  const lastPage = last.as('last_page');
  return [
    peopleOf(db, ids),
    last,
    reactionSummariesQuery(db, viewerId, db.select({ id: lastPage.id }).from(lastPage)),
  ] as const;
}

type ViewRows = [
  OwnRow[],
  PersonRow[],
  Awaited<ReturnType<typeof lastMessagesQuery>>,
  Awaited<ReturnType<typeof reactionSummariesQuery>>,
];

/** The views from the rows of `conversationViewQueries`. */
export function viewsFromRows(
  viewerId: string,
  [own, everyone, lastRows, reactionRows]: ViewRows,
): Conversation[] {
  const reactionsOf = reactionsByMessage(reactionRows);
  const lastMessages = new Map(
    lastRows.map(
      (row) => [row.conversationId, toMessage(row, viewerId, reactionsOf.get(row.id) ?? [])] as const,
    ),
  );
  return own.map((c) => toConversation(c, everyone, lastMessages.get(c.id) ?? null));
}

/** `conversationViewQueries` for one conversation, built once: most views are asked for one at a time. */
const oneViewTemplate = queryTemplate((db) =>
  conversationViewQueries(db, sql.placeholder('viewerId'), [sql.placeholder('conversationId')]),
);

async function chunkViews(db: Db, viewerId: string, ids: string[]): Promise<Conversation[]> {
  const [own, everyone, lastRows, reactionRows] =
    ids.length === 1
      ? await runAsTransaction(db, oneViewTemplate.fill({ viewerId, conversationId: ids[0] }))
      : await db.batch(conversationViewQueries(db, viewerId, ids));
  return viewsFromRows(viewerId, [own, everyone, lastRows, reactionRows]);
}

/**
 * The `Conversation` objects as `viewerId` sees them (their own status, muted and unread count), in the
 * order of `ids`; ids of conversations the viewer may not see (`canSee`) are left out. One round trip per
 * 40 conversations.
 */
export async function conversationViews(db: Db, viewerId: string, ids: string[]): Promise<Conversation[]> {
  if (ids.length === 0) return [];
  const views = (
    await Promise.all(chunked(ids, CHUNK).map((chunk) => chunkViews(db, viewerId, chunk)))
  ).flat();
  const byId = new Map(views.map((v) => [v.id, v]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One conversation as the viewer sees it. */
export async function conversationView(
  db: Db,
  viewerId: string,
  id: string,
): Promise<Conversation | undefined> {
  return (await conversationViews(db, viewerId, [id]))[0];
}

/** The queries behind `conversationViewsFor` for up to 40 viewers of one conversation, run as one batch. */
export function conversationViewsForQueries(db: Db, conversationId: Value, viewerIds: Value[]) {
  return [
    ownRows(db, and(eq(members.conversationId, conversationId), inArray(members.userId, viewerIds))),
    peopleOf(db, [conversationId]),
    selectMessages(db)
      .innerJoin(
        conversations,
        and(eq(conversations.id, messages.conversationId), eq(messages.seq, conversations.lastSeq)),
      )
      .where(eq(conversations.id, conversationId)),
    lastMessageReactions(db, conversationId),
    // Blocks between these viewers and the members: a blocked sender's last message is no one's preview.
    db
      .select({ a: blocks.blockerId, b: blocks.blockedId })
      .from(blocks)
      .where(
        or(
          and(inArray(blocks.blockerId, viewerIds), inArray(blocks.blockedId, membersOf(db, conversationId))),
          and(inArray(blocks.blockedId, viewerIds), inArray(blocks.blockerId, membersOf(db, conversationId))),
        ),
      ),
  ] as const;
}

function membersOf(db: Db, conversationId: Value) {
  return db.select({ id: members.userId }).from(members).where(eq(members.conversationId, conversationId));
}

/** `conversationViewsForQueries` for one viewer (the other person of a direct chat), built once. */
const oneViewerTemplate = queryTemplate((db) =>
  conversationViewsForQueries(db, sql.placeholder('conversationId'), [sql.placeholder('viewerId')]),
);

/**
 * One conversation as each of `viewerIds` sees it, for live events after a change: one batch (reactions
 * included) per 40 viewers, not two round trips per member. Viewers who may not see it are left out.
 */
export async function conversationViewsFor(
  db: Db,
  conversationId: string,
  viewerIds: string[],
): Promise<Map<string, Conversation>> {
  const views = new Map<string, Conversation>();
  for (const chunk of chunked(viewerIds, CHUNK)) {
    const [own, everyone, [last], reactionRows, blockRows] =
      chunk.length === 1
        ? await runAsTransaction(db, oneViewerTemplate.fill({ conversationId, viewerId: chunk[0] }))
        : await db.batch(conversationViewsForQueries(db, conversationId, chunk));
    const blocked = new Set(blockRows.flatMap((r) => [`${r.a}>${r.b}`, `${r.b}>${r.a}`]));
    for (const c of own) {
      // Nothing from before the viewer joined: a newcomer sees no earlier last message. In a group, the
      // last message of someone the viewer blocks (or is blocked by) is not shown here either; the list
      // (`latestSeqSeenBy`) shows the one before it.
      const hidden =
        c.kind === 'group' && last?.kind !== 'event' && blocked.has(`${c.userId}>${last?.senderId}`);
      const lastMessage =
        last && last.seq > c.joinedSeq && !hidden
          ? toMessage(last, c.userId, summarizeReactions(reactionRows, c.userId))
          : null;
      views.set(c.userId, toConversation(c, everyone, lastMessage));
    }
  }
  return views;
}
