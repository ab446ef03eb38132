import { and, asc, eq, gt, inArray, isNull, not, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { conversations, hiddenMessages, members, messages, reactions, users } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { hiddenByBlock } from './block-hiding.ts';

/**
 * One account's conversation data as a whole: the groups a deletion changes, what a deletion erases there,
 * and what an export reads. Account deletion and export (features/account) gather the rest.
 */

/** The query behind `activeGroupsOf`, served by members_box_idx. */
export function activeGroupsQuery(db: Db, userId: string) {
  return db
    .select({ id: members.conversationId })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .where(
      and(
        eq(members.userId, userId),
        inArray(members.state, ['accepted', 'request']),
        eq(conversations.kind, 'group'),
      ),
    );
}

/** The groups the user is still in (inbox or requests): those whose members a deletion changes. */
export async function activeGroupsOf(db: Db, userId: string): Promise<string[]> {
  return (await activeGroupsQuery(db, userId)).map((r) => r.id);
}

/**
 * The conversation side of an account's deletion, for its one batch: reactions and hidden-message marks
 * go, its chat messages become unsent tombstones (and lose their reactions), member-change events keep its
 * id but no longer its handle, and it leaves every conversation, passing group ownership to the
 * longest-standing member.
 */
export function conversationDataErasure(db: Db, userId: string, at: string) {
  const owned = alias(members, 'owned');
  // Member-change events name people by handle; the deleted account's handle goes from them too, so it
  // neither lingers in group history nor points at whoever registers that handle next.
  const eventsHere = and(
    eq(messages.kind, 'event'),
    inArray(
      messages.conversationId,
      db.select({ id: members.conversationId }).from(members).where(eq(members.userId, userId)),
    ),
  );
  const ownChatMessages = db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.senderId, userId), inArray(messages.kind, ['text', 'video'])));
  return [
    db.delete(hiddenMessages).where(eq(hiddenMessages.userId, userId)),
    db
      .delete(reactions)
      .where(or(eq(reactions.userId, userId), inArray(reactions.messageId, ownChatMessages))),
    db
      .update(messages)
      .set({ text: null, videoUrl: null, videoId: null, videoAuthor: null, unsentAt: at })
      .where(
        and(
          eq(messages.senderId, userId),
          inArray(messages.kind, ['text', 'video']),
          isNull(messages.unsentAt),
        ),
      ),
    db
      .update(messages)
      .set({ eventJson: sql`json_set(${messages.eventJson}, '$.actor.handle', '')` })
      .where(and(eventsHere, sql`json_extract(${messages.eventJson}, '$.actor.id') = ${userId}`)),
    db
      .update(messages)
      .set({
        eventJson: sql`json_set(${messages.eventJson}, '$.targets', json((
        select json_group_array(json(case when json_extract(t.value, '$.id') = ${userId}
          then json_object('id', ${userId}, 'handle', '') else t.value end))
        from json_each(${messages.eventJson}, '$.targets') t)))`,
      })
      .where(
        and(
          eventsHere,
          sql`exists (select 1 from json_each(${messages.eventJson}, '$.targets') t
          where json_extract(t.value, '$.id') = ${userId})`,
        ),
      ),
    // Groups it owned pass to the longest-standing member still in them (accepted ones before invitees).
    db
      .update(members)
      .set({ role: 'owner' })
      .where(
        and(
          inArray(
            members.conversationId,
            db
              .select({ id: owned.conversationId })
              .from(owned)
              .where(and(eq(owned.userId, userId), eq(owned.role, 'owner'))),
          ),
          eq(
            members.userId,
            sql`(select m2.user_id from members m2
               where m2.conversation_id = ${members.conversationId} and m2.user_id <> ${userId}
                 and m2.state in ('accepted', 'request')
               order by m2.state = 'accepted' desc, m2.joined_at, m2.user_id
               limit 1)`,
          ),
        ),
      ),
    db
      .update(members)
      .set({
        role: 'member',
        state: sql`case when ${members.state} in ('accepted', 'request') then 'left' else ${members.state} end`,
      })
      .where(eq(members.userId, userId)),
  ] as const;
}

const SEEING = ['accepted', 'request'] as const;

/**
 * The conversation side of an account's export, for its one batch: the account's conversations, the people
 * still in those it can see, its messages there (since it joined, minus the ones it hid and, in groups, those
 * a block hides) and its own reactions.
 */
export function accountExportQueries(db: Db, userId: string) {
  const other = alias(users, 'other');
  const sender = alias(users, 'sender');
  const mine = alias(members, 'mine');
  const visibleConversations = db
    .select({ id: members.conversationId })
    .from(members)
    .where(and(eq(members.userId, userId), inArray(members.state, [...SEEING])));
  return [
    db
      .select({
        conversation: conversations,
        status: members.state,
        role: members.role,
        joinedAt: members.joinedAt,
      })
      .from(members)
      .innerJoin(conversations, eq(conversations.id, members.conversationId))
      .where(eq(members.userId, userId))
      .orderBy(asc(conversations.createdAt)),
    db
      .select({ conversationId: members.conversationId, handle: other.handle, role: members.role })
      .from(members)
      .innerJoin(other, eq(other.id, members.userId))
      .where(and(inArray(members.conversationId, visibleConversations), inArray(members.state, [...SEEING]))),
    db
      .select({ message: messages, senderHandle: sender.handle })
      .from(messages)
      .innerJoin(
        mine,
        and(
          eq(mine.conversationId, messages.conversationId),
          eq(mine.userId, userId),
          inArray(mine.state, [...SEEING]),
          gt(messages.seq, mine.joinedSeq),
        ),
      )
      .innerJoin(sender, eq(sender.id, messages.senderId))
      .where(
        and(
          notExists(
            db
              .select({ one: sql`1` })
              .from(hiddenMessages)
              .where(and(eq(hiddenMessages.userId, userId), eq(hiddenMessages.messageId, messages.id))),
          ),
          // What the caller can see: not the group messages of someone they block or are blocked by.
          not(
            hiddenByBlock({
              viewerId: userId,
              senderId: messages.senderId,
              messageKind: messages.kind,
              conversationKind: sql`(select ${conversations.kind} from ${conversations} where ${conversations.id} = ${messages.conversationId})`,
            }),
          ),
        ),
      )
      .orderBy(asc(messages.conversationId), asc(messages.seq)),
    db
      .select({ messageId: reactions.messageId, emoji: reactions.emoji, createdAt: reactions.createdAt })
      .from(reactions)
      .where(eq(reactions.userId, userId)),
  ] as const;
}
