import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { ApiError } from './api-error.ts';
import { sha256Hex, timingSafeEqual } from './crypto.ts';

/**
 * Lets a request through only with `Authorization: Bearer <ADMIN_TOKEN>`, otherwise `401 unauthorized`.
 * Both sides are hashed before the constant-time compare, so not even the token's length leaks.
 */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const match = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '');
  const expected = c.env.ADMIN_TOKEN;
  const given = match?.[1];
  if (!given || !expected || !timingSafeEqual(await sha256Hex(given), await sha256Hex(expected))) {
    throw new ApiError('unauthorized', 'A valid admin token is required');
  }
  await next();
});
