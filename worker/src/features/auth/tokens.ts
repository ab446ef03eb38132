import { sign, verify } from 'hono/jwt';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;

/** A short-lived HS256 access token: verifying it needs no database lookup. */
export function signAccessToken(secret: string, userId: string, loginId: string, now = Date.now()) {
  const iat = Math.floor(now / 1000);
  return sign({ sub: userId, sid: loginId, iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS }, secret, 'HS256');
}

/** The user id of a valid, unexpired token, or `null` for anything else. */
export async function verifyAccessToken(secret: string, token: string): Promise<string | null> {
  try {
    const payload = await verify(token, secret, 'HS256');
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
