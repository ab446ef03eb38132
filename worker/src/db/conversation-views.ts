import type { Conversation, Member } from '@clipdm/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../env.ts';
import { selectMessages, toMessages } from './message-view.ts';
import { conversations, members, messages, settings, users } from './schema.ts';

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

/** The queries behind the views of up to 40 conversations, run as one batch. */
export function conversationViewQueries(db: Db, viewerId: string, ids: string[]) {
  return [
    db
      // Explicit columns: inside a batch D1 returns rows as objects, so two columns of the same name
      // (members and conversations both have last_activity_at) would collide.
      .select({
        state: members.state,
        muted: members.muted,
        unreadCount: members.unreadCount,
        id: conversations.id,
        kind: conversations.kind,
        title: conversations.title,
        lastActivityAt: conversations.lastActivityAt,
        createdAt: conversations.createdAt,
        readReceipts: settings.readReceipts,
      })
      .from(members)
      .innerJoin(conversations, eq(conversations.id, members.conversationId))
      .leftJoin(settings, eq(settings.userId, members.userId))
      .where(and(eq(members.userId, viewerId), inArray(members.conversationId, ids))),
    db
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
        readReceipts: settings.readReceipts,
      })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .leftJoin(settings, eq(settings.userId, users.id))
      .where(and(inArray(members.conversationId, ids), sql`${members.state} not in ('left', 'removed')`))
      .orderBy(members.joinedAt, members.userId),
    // The last message, unless it is from before the viewer joined (then there is none to show them).
    selectMessages(db)
      .innerJoin(
        conversations,
        and(eq(conversations.id, messages.conversationId), eq(messages.seq, conversations.lastSeq)),
      )
      .where(
        and(
          inArray(conversations.id, ids),
          sql`${messages.seq} > (select v.joined_seq from members v
            where v.conversation_id = ${conversations.id} and v.user_id = ${viewerId})`,
        ),
      ),
  ] as const;
}

async function chunkViews(db: Db, viewerId: string, ids: string[]): Promise<Conversation[]> {
  const [own, everyone, lastRows] = await db.batch(conversationViewQueries(db, viewerId, ids));
  const lastMessages = new Map(
    (await toMessages(db, viewerId, lastRows)).map((m) => [m.conversationId, m] as const),
  );
  return own.map((c) => {
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
          role: m.role,
          lastReadSeq: visibleReadSeq(viewer, { ...m, readReceipts: m.readReceipts ?? false }),
        }),
      ),
      status: c.state === 'accepted' ? 'accepted' : 'request',
      muted: c.muted,
      unreadCount: c.unreadCount,
      lastMessage: lastMessages.get(c.id) ?? null,
      lastActivityAt: c.lastActivityAt,
      createdAt: c.createdAt,
    };
  });
}

/**
 * The `Conversation` objects as `viewerId` sees them (their own status, muted and unread count), in the
 * order of `ids`; ids the viewer has no member row in are left out. Two round trips per 40 conversations.
 */
export async function conversationViews(db: Db, viewerId: string, ids: string[]): Promise<Conversation[]> {
  if (ids.length === 0) return [];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  const views = (await Promise.all(chunks.map((chunk) => chunkViews(db, viewerId, chunk)))).flat();
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
