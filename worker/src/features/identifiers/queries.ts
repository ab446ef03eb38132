import type { Identifier } from '@clipdm/shared';
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { devOutbox, identifierCodes, identifiers } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { newId } from '../../lib/ids.ts';

/** Codes in flight and the verified identifiers they turn into. */

export const CODE_TTL_MS = 15 * 60_000;
export const CODE_TRIES = 5;

/** Stores (or replaces, with fresh tries) the pending code of one identifier of one account. */
export async function saveCode(
  db: Db,
  row: { userId: string; keyedHash: string; kind: 'email' | 'phone'; hint: string; codeHash: string },
  now = Date.now(),
) {
  const expiresAt = now + CODE_TTL_MS;
  await db
    .insert(identifierCodes)
    .values({ ...row, expiresAt, tries: 0 })
    .onConflictDoUpdate({
      target: [identifierCodes.userId, identifierCodes.keyedHash],
      set: { codeHash: row.codeHash, hint: row.hint, expiresAt, tries: 0 },
    });
}

/**
 * Counts one try of the pending code in one statement and returns it, or nothing when there is no live
 * code with tries left: parallel guesses each spend a try, so no burst gets more than five.
 */
export async function spendTry(db: Db, userId: string, keyedHash: string, now = Date.now()) {
  const [row] = await db
    .update(identifierCodes)
    .set({ tries: sql`${identifierCodes.tries} + 1` })
    .where(
      and(
        eq(identifierCodes.userId, userId),
        eq(identifierCodes.keyedHash, keyedHash),
        gt(identifierCodes.expiresAt, now),
        lt(identifierCodes.tries, CODE_TRIES),
      ),
    )
    .returning({
      codeHash: identifierCodes.codeHash,
      kind: identifierCodes.kind,
      hint: identifierCodes.hint,
    });
  return row;
}

/**
 * Makes the identifier a verified one of `userId`, in one transaction: the code is spent, and any other
 * account's claim on the same identifier (verified or from before verification) goes.
 */
export async function confirmIdentifier(
  db: Db,
  row: { userId: string; keyedHash: string; kind: 'email' | 'phone' | 'facebook'; hint: string },
  now = Date.now(),
): Promise<Identifier> {
  const verifiedAt = new Date(now).toISOString();
  const id = newId(now);
  await db.batch([
    db
      .delete(identifierCodes)
      .where(and(eq(identifierCodes.userId, row.userId), eq(identifierCodes.keyedHash, row.keyedHash))),
    db.delete(identifiers).where(eq(identifiers.keyedHash, row.keyedHash)),
    db.insert(identifiers).values({ id, ...row, verifiedAt }),
  ]);
  return { id, kind: row.kind === 'phone' ? 'phone' : 'email', hint: row.hint, verifiedAt };
}

/** The caller's verified emails and phones, oldest first. */
export async function listIdentifiers(db: Db, userId: string): Promise<Identifier[]> {
  const rows = await db
    .select({
      id: identifiers.id,
      kind: identifiers.kind,
      hint: identifiers.hint,
      verifiedAt: identifiers.verifiedAt,
    })
    .from(identifiers)
    .where(
      and(
        eq(identifiers.userId, userId),
        isNotNull(identifiers.verifiedAt),
        inArray(identifiers.kind, ['email', 'phone']),
      ),
    )
    .orderBy(asc(identifiers.verifiedAt));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind === 'phone' ? 'phone' : 'email',
    hint: r.hint ?? '',
    verifiedAt: r.verifiedAt ?? '',
  }));
}

/** Removes one of the caller's emails or phones; false when it is not theirs (or not there). */
export async function removeIdentifier(db: Db, userId: string, id: string) {
  const removed = await db
    .delete(identifiers)
    .where(
      and(
        eq(identifiers.id, id),
        eq(identifiers.userId, userId),
        inArray(identifiers.kind, ['email', 'phone']),
      ),
    )
    .returning({ id: identifiers.id });
  return removed.length > 0;
}

/** Development: the last 50 codes "sent" to `to`, newest first. */
export async function outboxFor(db: Db, to: string) {
  const rows = await db
    .select()
    .from(devOutbox)
    .where(eq(devOutbox.recipient, to))
    .orderBy(desc(devOutbox.sentAt))
    .limit(50);
  return rows.map((r) => ({ to: r.recipient, text: r.text, code: r.code, sentAt: r.sentAt }));
}
