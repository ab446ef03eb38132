import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { conversations, hiddenMessages, members, messages, reactions } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { canSee } from './membership.ts';
import { reactionRowsOf } from './reactions.ts';

/** Member states whose holders hear about changes (declined, left and removed members do not). */
const LISTENING = ['accepted', 'request'] as const;

/**
 * A message together with the viewer's state in its conversation, or nothing when the message does not
 * exist, the viewer may not see the conversation (`canSee`, the same rule as reading its messages), or it
 * is from before they joined: membership is checked by the same query that reads the message.
 */
export async function findMessageForMember(db: Db, viewerId: string, messageId: string) {
  const [row] = await db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      seq: messages.seq,
      senderId: messages.senderId,
      kind: messages.kind,
      unsentAt: messages.unsentAt,
      conversationKind: conversations.kind,
      viewerState: members.state,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(
      members,
      and(eq(members.conversationId, messages.conversationId), eq(members.userId, viewerId)),
    )
    .where(and(eq(messages.id, messageId), canSee, gt(messages.seq, members.joinedSeq)))
    .limit(1);
  return row;
}

export type MemberMessage = NonNullable<Awaited<ReturnType<typeof findMessageForMember>>>;

/**
 * Who should hear about a change to a message: the members who can see its conversation, have it listed,
 * and had joined before the message (a newcomer never learns of earlier ones).
 */
function audienceOf(db: Db, message: MemberMessage) {
  return db
    .select({ userId: members.userId })
    .from(members)
    .where(
      and(
        eq(members.conversationId, message.conversationId),
        inArray(members.state, [...LISTENING]),
        eq(members.hidden, false),
        lt(members.joinedSeq, message.seq),
      ),
    );
}

/**
 * Unsends a message: its text, video and event are erased from the row (not only from responses), its
 * reactions go, and a tombstone with `unsent_at` stays so `seq` has no gap. One transaction. Returns the
 * members to tell, and whether anything changed (unsending twice is a no-op).
 */
export async function unsendMessage(db: Db, senderId: string, message: MemberMessage, now = new Date()) {
  const [erased, , audience] = await db.batch([
    db
      .update(messages)
      .set({
        text: null,
        videoUrl: null,
        videoId: null,
        videoAuthor: null,
        eventJson: null,
        unsentAt: now.toISOString(),
      })
      .where(and(eq(messages.id, message.id), eq(messages.senderId, senderId), isNull(messages.unsentAt)))
      .returning({ id: messages.id }),
    db.delete(reactions).where(eq(reactions.messageId, message.id)),
    audienceOf(db, message),
  ]);
  return { changed: erased.length > 0, audience: audience.map((r) => r.userId) };
}

/** "Delete for me": the message is left out of the viewer's pages from now on. */
export async function hideMessage(db: Db, userId: string, messageId: string) {
  await db.insert(hiddenMessages).values({ userId, messageId }).onConflictDoNothing();
}

/** Sets (or replaces) the user's one reaction; returns every reaction on the message and who to tell. */
export async function setReaction(db: Db, userId: string, message: MemberMessage, emoji: string) {
  const createdAt = new Date().toISOString();
  const [, rows, audience] = await db.batch([
    db
      .insert(reactions)
      .values({ messageId: message.id, userId, emoji, createdAt })
      // The same emoji again changes nothing (a retry whose answer was lost keeps the reaction's time).
      .onConflictDoUpdate({
        target: [reactions.messageId, reactions.userId],
        set: { emoji, createdAt },
        setWhere: sql`${reactions.emoji} <> excluded.emoji`,
      }),
    reactionRowsOf(db, message.id),
    audienceOf(db, message),
  ]);
  return { rows, audience: audience.map((r) => r.userId) };
}

/** Removes the user's reaction (idempotent); returns the reactions left and who to tell. */
export async function removeReaction(db: Db, userId: string, message: MemberMessage) {
  const [, rows, audience] = await db.batch([
    db.delete(reactions).where(and(eq(reactions.messageId, message.id), eq(reactions.userId, userId))),
    reactionRowsOf(db, message.id),
    audienceOf(db, message),
  ]);
  return { rows, audience: audience.map((r) => r.userId) };
}
