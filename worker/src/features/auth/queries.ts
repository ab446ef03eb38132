import { and, eq, isNull } from 'drizzle-orm';
import { logins, refreshTokens, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { REFRESH_TOKEN_TTL_DAYS } from './tokens.ts';

const refreshExpiry = (now: number) => new Date(now + REFRESH_TOKEN_TTL_DAYS * 86_400_000).toISOString();

/**
 * A new login (a refresh-token family) of `userId`: its id, its first refresh token, and the statements
 * that store them, for a batch (registration stores the account and its first login together).
 */
export async function loginStatements(db: Db, userId: string, now = Date.now()) {
  const loginId = newId(now);
  const refreshToken = randomToken();
  const statements = [
    db.insert(logins).values({ id: loginId, userId }),
    db
      .insert(refreshTokens)
      .values({ tokenHash: await sha256Hex(refreshToken), loginId, expiresAt: refreshExpiry(now) }),
  ] as const;
  return { login: { loginId, refreshToken }, statements };
}

/** Starts a login (a refresh-token family) and returns its id and first refresh token. */
export async function startLogin(db: Db, userId: string, now = Date.now()) {
  const { login, statements } = await loginStatements(db, userId, now);
  await db.batch(statements);
  return login;
}

export type RotateResult =
  | { ok: true; userId: string; loginId: string; refreshToken: string }
  | { ok: false; reason: 'unknown' | 'expired' }
  | { ok: false; reason: 'reused'; userId: string; loginId: string };

/**
 * Spends a refresh token and issues the next one of its login. A token spent before means it was copied:
 * the whole login is revoked, so the thief's and the owner's tokens both stop working.
 */
export async function rotateRefreshToken(
  db: Db,
  refreshToken: string,
  now = Date.now(),
): Promise<RotateResult> {
  const tokenHash = await sha256Hex(refreshToken);
  const [row] = await db
    .select({ token: refreshTokens, login: logins, deletedAt: users.deletedAt })
    .from(refreshTokens)
    .innerJoin(logins, eq(logins.id, refreshTokens.loginId))
    .innerJoin(users, eq(users.id, logins.userId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  if (!row || row.login.revokedAt || row.deletedAt) return { ok: false, reason: 'unknown' };
  const reused = { ok: false, reason: 'reused', userId: row.login.userId, loginId: row.login.id } as const;
  if (row.token.spentAt) {
    await revokeLogin(db, row.login.id, now);
    return reused;
  }
  if (row.token.expiresAt < new Date(now).toISOString()) return { ok: false, reason: 'expired' };

  const next = randomToken();
  const spentAt = new Date(now).toISOString();
  // Only the request that flips spent_at from null may mint the next token; a racing twin sees 0 rows.
  const spent = await db
    .update(refreshTokens)
    .set({ spentAt })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.spentAt)))
    .returning({ loginId: refreshTokens.loginId });
  if (spent.length === 0) {
    await revokeLogin(db, row.login.id, now);
    return reused;
  }
  await db
    .insert(refreshTokens)
    .values({ tokenHash: await sha256Hex(next), loginId: row.login.id, expiresAt: refreshExpiry(now) });
  return { ok: true, userId: row.login.userId, loginId: row.login.id, refreshToken: next };
}

export async function revokeLogin(db: Db, loginId: string, now = Date.now()) {
  await db
    .update(logins)
    .set({ revokedAt: new Date(now).toISOString() })
    .where(and(eq(logins.id, loginId), isNull(logins.revokedAt)));
}

/**
 * Logs out the login a refresh token belongs to and returns it; unknown tokens are ignored (logout is
 * idempotent).
 */
export async function endLoginByRefreshToken(db: Db, refreshToken: string) {
  const tokenHash = await sha256Hex(refreshToken);
  const [row] = await db
    .select({ loginId: refreshTokens.loginId, userId: logins.userId })
    .from(refreshTokens)
    .innerJoin(logins, eq(logins.id, refreshTokens.loginId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  if (row) await revokeLogin(db, row.loginId);
  return row;
}

/** Ends every live login of a user (a suspension): their access tokens stop at their next request. */
export async function revokeAllLogins(db: Db, userId: string, now = Date.now()) {
  await db
    .update(logins)
    .set({ revokedAt: new Date(now).toISOString() })
    .where(and(eq(logins.userId, userId), isNull(logins.revokedAt)));
}
