import { drizzle } from 'drizzle-orm/d1';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { verifyAccessToken } from '../features/auth/tokens.ts';
import { ApiError } from './api-error.ts';
import { loginCheckedD1 } from './login-checked-d1.ts';

/**
 * Puts the caller's user id on the context, or answers `401 unauthorized`. The request's database is
 * swapped for one whose first call also checks that the token's login is still live (`loginCheckedD1`):
 * an ended login gets `401` from that call, with no round trip of its own. Signed-in answers are private.
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer (\S+)$/i.exec(header);
  const login = match?.[1] ? await verifyAccessToken(c.env.JWT_SECRET, match[1]) : null;
  if (!login) throw new ApiError('unauthorized', 'A valid access token is required');
  c.set('userId', login.userId);
  c.set('loginId', login.loginId);
  c.set('db', drizzle(loginCheckedD1(c.get('d1'), login)));
  await next();
});
