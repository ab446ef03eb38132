import { DELETED_ACCOUNT_NAME } from '@clipdm/shared';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  blocks,
  contacts,
  conversations,
  credentials,
  follows,
  hiddenMessages,
  identifiers,
  logins,
  members,
  messages,
  rateHits,
  reactions,
  refreshTokens,
  settings,
  streamTickets,
  users,
} from '../../db/schema.ts';
import type { Db } from '../../env.ts';

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

// The column is NOT NULL; a fixed placeholder keeps nothing of the real birthdate.
const ERASED_BIRTHDATE = '1900-01-01';

/**
 * Deletes an account in one transaction: credentials, logins and refresh tokens, settings, follows and
 * blocks both ways, identifiers, contacts, reactions, hidden-message marks and stream tickets go. Its chat
 * messages are blanked into unsent tombstones (and lose their reactions), member-change events keep its id
 * but no longer its handle; it leaves every conversation,
 * passing group ownership to the longest-standing member. The users row stays, without handle or profile,
 * so old messages still have a sender and the handle is free again.
 */
export async function deleteAccount(db: Db, user: { id: string; handle: string | null }, now = new Date()) {
  const at = now.toISOString();
  const userId = user.id;
  const owned = alias(members, 'owned');
  const ownLogins = db.select({ id: logins.id }).from(logins).where(eq(logins.userId, userId));
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
  await db.batch([
    db.delete(refreshTokens).where(inArray(refreshTokens.loginId, ownLogins)),
    db.delete(logins).where(eq(logins.userId, userId)),
    db.delete(credentials).where(eq(credentials.userId, userId)),
    db.delete(streamTickets).where(eq(streamTickets.userId, userId)),
    db.delete(settings).where(eq(settings.userId, userId)),
    db.delete(follows).where(or(eq(follows.followerId, userId), eq(follows.followeeId, userId))),
    db.delete(blocks).where(or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId))),
    db.delete(identifiers).where(eq(identifiers.userId, userId)),
    db.delete(contacts).where(eq(contacts.ownerId, userId)),
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
    ...(user.handle ? [db.delete(rateHits).where(eq(rateHits.key, `login:${user.handle}`))] : []),
    db
      .update(users)
      .set({
        handle: null,
        displayName: DELETED_ACCOUNT_NAME,
        avatarUrl: null,
        birthdate: ERASED_BIRTHDATE,
        deletedAt: at,
      })
      .where(eq(users.id, userId)),
  ]);
}
