import { DELETED_ACCOUNT_NAME } from '@clipdm/shared';
import { eq, inArray, or } from 'drizzle-orm';
import { conversationDataErasure } from '../../conversation-store/account-data.ts';
import {
  blocks,
  contacts,
  credentials,
  follows,
  identifiers,
  logins,
  rateHits,
  refreshTokens,
  settings,
  streamTickets,
  users,
} from '../../db/schema.ts';
import type { Db } from '../../env.ts';

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
  const ownLogins = db.select({ id: logins.id }).from(logins).where(eq(logins.userId, userId));
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
    ...conversationDataErasure(db, userId, at),
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
