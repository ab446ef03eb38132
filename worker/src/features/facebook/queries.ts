import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { contacts, identifiers } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { chunked } from '../../lib/chunked.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { keyHashes } from '../contacts/queries.ts';
import { confirmIdentifier } from '../identifiers/queries.ts';

/**
 * Facebook friends as suggested friends. A linked account has a verified identifier of kind `facebook`
 * (its app-scoped id, keyed like every identifier), and its friends' keyed ids are its contacts with
 * `source: 'facebook'`, so the suggested list and the `suggested` policy need nothing new.
 */

/** Keyed like a synced contact: HMAC(pepper, SHA-256 of `facebook:<app-scoped id>`). */
export async function keyFacebookIds(pepper: string, ids: string[]) {
  return keyHashes(pepper, await Promise.all(ids.map((id) => sha256Hex(`facebook:${id}`))));
}

/**
 * Links the Facebook account `keyedId` to `userId` with the friends it has now, both ways: a friend who
 * linked earlier could not see this person then (Facebook lists only friends who use the app), so each
 * such friend gets this person as a Facebook contact too.
 */
export async function linkFacebook(db: Db, userId: string, keyedId: string, keyedFriendIds: string[]) {
  await unlinkFacebook(db, userId);
  await confirmIdentifier(db, { userId, keyedHash: keyedId, kind: 'facebook', hint: 'Facebook' });
  const friends = [...new Set(keyedFriendIds)];
  if (friends.length === 0) return;
  const linkedFriends = (
    await Promise.all(
      chunked(friends, 90).map((part) =>
        db
          .select({ userId: identifiers.userId })
          .from(identifiers)
          .where(
            and(
              eq(identifiers.kind, 'facebook'),
              isNotNull(identifiers.verifiedAt),
              inArray(identifiers.keyedHash, part),
            ),
          ),
      ),
    )
  ).flat();
  const rows = [
    ...friends.map((keyedHash) => ({ ownerId: userId, keyedHash, source: 'facebook' as const })),
    ...linkedFriends.map((f) => ({ ownerId: f.userId, keyedHash: keyedId, source: 'facebook' as const })),
  ];
  const [first, ...rest] = chunked(rows, 33).map((part) =>
    db.insert(contacts).values(part).onConflictDoNothing(),
  );
  if (first) await db.batch([first, ...rest]);
}

/** Forgets the link: the identifier, this person's Facebook friends, and their place in friends' lists. */
export async function unlinkFacebook(db: Db, userId: string) {
  const removed = await db
    .delete(identifiers)
    .where(and(eq(identifiers.userId, userId), eq(identifiers.kind, 'facebook')))
    .returning({ keyedHash: identifiers.keyedHash });
  await db.batch([
    db.delete(contacts).where(and(eq(contacts.ownerId, userId), eq(contacts.source, 'facebook'))),
    ...removed.map((r) =>
      db.delete(contacts).where(and(eq(contacts.keyedHash, r.keyedHash), eq(contacts.source, 'facebook'))),
    ),
  ]);
}

/** Whether `userId` has linked Facebook. */
export async function facebookLinked(db: Db, userId: string) {
  const [row] = await db
    .select({ id: identifiers.id })
    .from(identifiers)
    .where(
      and(
        eq(identifiers.userId, userId),
        eq(identifiers.kind, 'facebook'),
        isNotNull(identifiers.verifiedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}
