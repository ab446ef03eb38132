import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { siteSignInCodes } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { randomUrlSafe } from './pkce.ts';
import type { SiteProfile } from './site-client.ts';

/** The one-time codes the callback hands the extension for `POST /v1/auth/site/exchange`. */

const CODE_TTL_MS = 60_000;
// A first sign-in stops to ask for the birthdate; the person gets this long to type it.
const BIRTHDATE_TTL_MS = 10 * 60_000;

export async function issueSignInCode(db: Db, profile: SiteProfile, now = Date.now()) {
  const code = randomUrlSafe();
  await db.batch([
    db.delete(siteSignInCodes).where(lt(siteSignInCodes.expiresAt, now)),
    db
      .insert(siteSignInCodes)
      .values({ codeHash: await sha256Hex(code), ...profile, expiresAt: now + CODE_TTL_MS }),
  ]);
  return code;
}

/** Spends a live code in one statement (a parallel twin finds it spent) and returns what it holds. */
export async function spendSignInCode(db: Db, code: string, now = Date.now()) {
  const [row] = await db
    .update(siteSignInCodes)
    .set({ spentAt: now })
    .where(
      and(
        eq(siteSignInCodes.codeHash, await sha256Hex(code)),
        isNull(siteSignInCodes.spentAt),
        gt(siteSignInCodes.expiresAt, now),
      ),
    )
    .returning();
  if (!row) return null;
  const profile: SiteProfile = {
    openId: row.openId,
    username: row.username,
    displayName: row.displayName,
    avatarUrl: row.avatarUrl,
  };
  return { codeHash: row.codeHash, profile };
}

/** Gives a spent code its one more try (for the birthdate); false when it already had it. */
export async function allowOneMoreTry(db: Db, codeHash: string, now = Date.now()) {
  const rows = await db
    .update(siteSignInCodes)
    .set({ spentAt: null, retried: true, expiresAt: now + BIRTHDATE_TTL_MS })
    .where(and(eq(siteSignInCodes.codeHash, codeHash), eq(siteSignInCodes.retried, false)))
    .returning({ codeHash: siteSignInCodes.codeHash });
  return rows.length > 0;
}
