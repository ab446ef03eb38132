import { bearerAuth } from 'hono/bearer-auth';
import type { AppEnv } from '../env.ts';
import { ApiError } from './api-error.ts';
import { sha256Hex, timingSafeEqual } from './crypto.ts';

/** Every refusal is the contract's `401 unauthorized`, a malformed header included (Hono would say 400). */
function refuse(): never {
  throw new ApiError('unauthorized', 'A valid admin token is required');
}

/**
 * Lets a request through only with `Authorization: Bearer <ADMIN_TOKEN>`. Both sides are hashed before the
 * constant-time compare, so not even the token's length leaks.
 */
export const requireAdmin = bearerAuth<AppEnv>({
  verifyToken: async (token, c) => {
    const expected = c.env.ADMIN_TOKEN;
    return Boolean(expected) && timingSafeEqual(await sha256Hex(token), await sha256Hex(expected));
  },
  noAuthenticationHeader: { message: refuse },
  invalidAuthenticationHeader: { message: refuse },
  invalidToken: { message: refuse },
});
