import { sign, verify } from 'hono/jwt';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;

/** A short-lived HS256 access token: verifying it needs no database lookup. */
export function signAccessToken(secret: string, userId: string, loginId: string, now = Date.now()) {
  const iat = Math.floor(now / 1000);
  return sign({ sub: userId, sid: loginId, iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS }, secret, 'HS256');
}

/**
 * The user and login of a valid, unexpired token, or `null` for anything else. A token must carry `exp`
 * (hono checks it only when present) and name its login (`sid`), whose liveness each request checks.
 */
export async function verifyAccessToken(
  secret: string,
  token: string,
): Promise<{ userId: string; loginId: string } | null> {
  try {
    const payload = await verify(token, secret, 'HS256');
    const { sub, sid, exp } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number') return null;
    return { userId: sub, loginId: sid };
  } catch {
    return null;
  }
}
