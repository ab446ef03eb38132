import type { ConversationEvent, Me, Settings } from '@clipdm/shared';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { accountExportQueries } from '../../conversation-store/account-data.ts';
import { parseEvent } from '../../conversation-store/message-rows.ts';
import { blocks, contacts, follows, identifiers, settings, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { toMe } from './queries.ts';

/** Everything the service holds about one account, as `GET /v1/me/export` returns it. */
export interface AccountExport {
  exportedAt: string;
  profile: Me;
  settings: Settings | null;
  following: string[];
  followers: string[];
  blocked: string[];
  identifiers: { count: number; byKind: Record<string, number> };
  syncedContacts: number;
  conversations: {
    id: string;
    kind: 'direct' | 'group';
    title: string | null;
    status: string;
    role: string;
    joinedAt: string;
    createdAt: string;
    members: { handle: string | null; role: string }[];
  }[];
  messages: {
    id: string;
    conversationId: string;
    seq: number;
    sender: string | null;
    mine: boolean;
    kind: string;
    text: string | null;
    videoUrl: string | null;
    event: ConversationEvent | null;
    createdAt: string;
    unsentAt: string | null;
  }[];
  myReactions: { messageId: string; emoji: string; createdAt: string }[];
}

/**
 * Reads the whole export in one batch (one round trip, one consistent snapshot). Messages are those of the
 * conversations the caller can see, since they joined, minus the ones they hid; identifier hashes are
 * counted, never shown.
 */
export async function exportAccount(db: Db, userId: string): Promise<AccountExport | null> {
  const other = alias(users, 'other');
  const [
    userRows,
    settingsRows,
    following,
    followers,
    blocked,
    identifierCounts,
    contactCount,
    conversationRows,
    memberRows,
    messageRows,
    reactionRows,
  ] = await db.batch([
    db
      .select()
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .limit(1),
    db.select().from(settings).where(eq(settings.userId, userId)).limit(1),
    db
      .select({ handle: other.handle })
      .from(follows)
      .innerJoin(other, eq(other.id, follows.followeeId))
      .where(and(eq(follows.followerId, userId), isNull(other.deletedAt)))
      .orderBy(asc(other.handle)),
    db
      .select({ handle: other.handle })
      .from(follows)
      .innerJoin(other, eq(other.id, follows.followerId))
      .where(and(eq(follows.followeeId, userId), isNull(other.deletedAt)))
      .orderBy(asc(other.handle)),
    db
      .select({ handle: other.handle })
      .from(blocks)
      .innerJoin(other, eq(other.id, blocks.blockedId))
      .where(and(eq(blocks.blockerId, userId), isNull(other.deletedAt)))
      .orderBy(asc(other.handle)),
    db
      .select({ kind: identifiers.kind, n: count() })
      .from(identifiers)
      .where(eq(identifiers.userId, userId))
      .groupBy(identifiers.kind),
    db.select({ n: count() }).from(contacts).where(eq(contacts.ownerId, userId)),
    ...accountExportQueries(db, userId),
  ]);
  const user = userRows[0];
  if (!user) return null;
  const settingsRow = settingsRows[0];
  const membersByConversation = new Map<string, { handle: string | null; role: string }[]>();
  for (const row of memberRows) {
    const list = membersByConversation.get(row.conversationId) ?? [];
    list.push({ handle: row.handle, role: row.role });
    membersByConversation.set(row.conversationId, list);
  }
  const byKind = Object.fromEntries(identifierCounts.map((r) => [r.kind, r.n]));
  return {
    exportedAt: new Date().toISOString(),
    profile: toMe(user),
    settings: settingsRow ? { dmPolicy: settingsRow.dmPolicy, readReceipts: settingsRow.readReceipts } : null,
    following: following.map((r) => r.handle ?? ''),
    followers: followers.map((r) => r.handle ?? ''),
    blocked: blocked.map((r) => r.handle ?? ''),
    identifiers: { count: identifierCounts.reduce((sum, r) => sum + r.n, 0), byKind },
    syncedContacts: contactCount[0]?.n ?? 0,
    conversations: conversationRows.map((r) => ({
      id: r.conversation.id,
      kind: r.conversation.kind,
      title: r.conversation.title,
      status: r.status,
      role: r.role,
      joinedAt: r.joinedAt,
      createdAt: r.conversation.createdAt,
      members: membersByConversation.get(r.conversation.id) ?? [],
    })),
    messages: messageRows.map(({ message, senderHandle }) => ({
      id: message.id,
      conversationId: message.conversationId,
      seq: message.seq,
      sender: senderHandle,
      mine: message.senderId === userId,
      kind: message.kind,
      text: message.text,
      videoUrl: message.videoUrl,
      event: parseEvent(message.eventJson),
      createdAt: message.createdAt,
      unsentAt: message.unsentAt,
    })),
    myReactions: reactionRows,
  };
}
