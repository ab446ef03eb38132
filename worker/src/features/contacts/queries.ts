import { and, asc, eq, isNotNull, isNull, ne, notExists, sql } from 'drizzle-orm';
import { blocks, contacts, identifiers, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { chunked } from '../../lib/chunked.ts';
import { toHex } from '../../lib/crypto.ts';
import type { UserRow } from '../account/queries.ts';

/** Each row binds 3 parameters (owner, hash, source); D1 allows 100 per statement. */
const ROWS_PER_INSERT = 33;

/**
 * Keys the clients' SHA-256 hashes again with HMAC(CONTACTS_PEPPER), importing the key once: a leaked
 * table of keyed hashes cannot be reversed by hashing every phone number without the secret.
 */
export async function keyHashes(pepper: string, hashes: string[]): Promise<string[]> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(pepper),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return Promise.all(
    hashes.map(async (hash) => toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(hash)))),
  );
}

/** Replaces the user's synced address book in one transaction and returns how many accounts it matches. */
export async function replaceContacts(db: Db, ownerId: string, keyedHashes: string[]): Promise<number> {
  const rows = [...new Set(keyedHashes)].map((keyedHash) => ({ ownerId, keyedHash }));
  const results = await db.batch([
    // Facebook friends are contacts too (`source: 'facebook'`); an address-book sync leaves them be.
    db.delete(contacts).where(and(eq(contacts.ownerId, ownerId), eq(contacts.source, 'sync'))),
    ...chunked(rows, ROWS_PER_INSERT).map((part) => db.insert(contacts).values(part).onConflictDoNothing()),
    db
      .select({ matched: sql<number>`count(distinct ${identifiers.userId})` })
      .from(contacts)
      .innerJoin(identifiers, eq(identifiers.keyedHash, contacts.keyedHash))
      .innerJoin(users, eq(users.id, identifiers.userId))
      .where(
        and(
          eq(contacts.ownerId, ownerId),
          ne(identifiers.userId, ownerId),
          isNotNull(identifiers.verifiedAt),
          isNull(users.deletedAt),
        ),
      ),
  ]);
  const last = results.at(-1) as { matched: number }[];
  return Number(last[0]?.matched ?? 0);
}

export async function clearContacts(db: Db, ownerId: string) {
  await db.delete(contacts).where(and(eq(contacts.ownerId, ownerId), eq(contacts.source, 'sync')));
}

/** Live accounts with an identifier in the user's synced contacts, minus blocks either way (≤ 100). */
export async function suggestedFriends(db: Db, ownerId: string): Promise<UserRow[]> {
  const rows = await db
    .selectDistinct({ user: users })
    .from(contacts)
    .innerJoin(identifiers, eq(identifiers.keyedHash, contacts.keyedHash))
    .innerJoin(users, eq(users.id, identifiers.userId))
    .where(
      and(
        eq(contacts.ownerId, ownerId),
        isNotNull(identifiers.verifiedAt),
        ne(users.id, ownerId),
        isNull(users.deletedAt),
        notExists(
          db
            .select({ one: blocks.blockerId })
            .from(blocks)
            .where(
              sql`(${blocks.blockerId} = ${ownerId} and ${blocks.blockedId} = ${users.id})
                or (${blocks.blockerId} = ${users.id} and ${blocks.blockedId} = ${ownerId})`,
            ),
        ),
      ),
    )
    .orderBy(asc(users.handle))
    .limit(100);
  return rows.map((r) => r.user);
}
