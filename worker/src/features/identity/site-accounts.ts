import type { DmPolicy } from '@clipdm/shared';
import { and, eq, ne } from 'drizzle-orm';
import { settings, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { newId } from '../../lib/ids.ts';
import type { UserRow } from '../account/queries.ts';
import type { SiteProfile } from './site-client.ts';

/** Accounts linked to the video site: one `open_id` per account and one account per `open_id`. */

const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The handle an account gets when the site's owner of its handle arrives: `<handle>_<4 random [a-z0-9]>`,
 * the handle cut to 19 characters first so the result stays within the 24 a handle may have.
 */
export function displacedHandle(handle: string): string {
  const random = crypto.getRandomValues(new Uint8Array(4));
  const suffix = [...random].map((b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join('');
  return `${handle.slice(0, 19)}_${suffix}`;
}

/**
 * The statement that moves any other account off `handle`. It stops being verified: whatever it proved
 * was for a handle it no longer has (its own next site sign-in gives it the site's current username).
 */
function yieldHandle(db: Db, handle: string, keeperId: string) {
  return db
    .update(users)
    .set({ handle: displacedHandle(handle), verified: false })
    .where(and(eq(users.handle, handle), ne(users.id, keeperId)));
}

function isUniqueViolation(error: unknown): boolean {
  const text = `${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return text.includes('UNIQUE constraint failed');
}

/**
 * The live account linked to `openId`. A deleted account that still holds it lets go of it here, so the
 * person can start afresh.
 */
export async function findSiteAccount(db: Db, openId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.siteOpenId, openId)).limit(1);
  if (row?.deletedAt) {
    await db.update(users).set({ siteOpenId: null, verified: false }).where(eq(users.id, row.id));
    return undefined;
  }
  return row;
}

/** Creates a verified account for a first sign-in, taking the handle from an unverified holder. */
export async function createSiteUser(
  db: Db,
  profile: SiteProfile,
  input: { birthdate: string; dmPolicy: DmPolicy },
): Promise<UserRow> {
  const id = newId();
  try {
    const [, inserted] = await db.batch([
      yieldHandle(db, profile.username, id),
      db
        .insert(users)
        .values({
          id,
          handle: profile.username,
          displayName: profile.displayName,
          avatarUrl: profile.avatarUrl,
          birthdate: input.birthdate,
          siteOpenId: profile.openId,
          verified: true,
        })
        .returning(),
      db.insert(settings).values({ userId: id, dmPolicy: input.dmPolicy }),
    ]);
    return inserted[0] as UserRow;
  } catch (error) {
    // Two first sign-ins of one person racing: the other one won, and this code is spent.
    if (isUniqueViolation(error)) throw new ApiError('invalid_request', 'This sign-in was already used');
    throw error;
  }
}

/**
 * Links `profile` to the account `userId` (or refreshes the link of a returning person): the handle becomes
 * the site's username, taken from whoever else holds it, and the account is verified.
 */
export async function bindSiteAccount(db: Db, userId: string, profile: SiteProfile): Promise<UserRow> {
  const [, updated] = await db.batch([
    yieldHandle(db, profile.username, userId),
    db
      .update(users)
      .set({ handle: profile.username, siteOpenId: profile.openId, verified: true })
      .where(eq(users.id, userId))
      .returning(),
  ]);
  return updated[0] as UserRow;
}
