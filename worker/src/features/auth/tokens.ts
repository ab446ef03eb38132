import { sign, verify } from 'hono/jwt';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;

/**
 * The HMAC key of `JWT_SECRET`, imported once per isolate: given the secret as a string, hono's `sign` and
 * `verify` import it again on every call (`crypto.subtle.importKey`, measured at about 0.2 ms of every
 * signed-in request in a CPU profile). A rotated secret is a new string, so a new entry.
 */
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    keys.set(secret, key);
  }
  return key;
}

/** A short-lived HS256 access token: verifying it needs no database lookup. */
export async function signAccessToken(secret: string, userId: string, loginId: string, now = Date.now()) {
  const iat = Math.floor(now / 1000);
  return sign(
    { sub: userId, sid: loginId, iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS },
    await hmacKey(secret),
    'HS256',
  );
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
    const payload = await verify(token, await hmacKey(secret), 'HS256');
    const { sub, sid, exp } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number') return null;
    return { userId: sub, loginId: sid };
  } catch {
    return null;
  }
}
