import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { verifyAccessToken } from '../features/auth/tokens.ts';
import { ApiError } from './api-error.ts';

/** Puts the caller's user id on the context, or answers `401 unauthorized`. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer (\S+)$/i.exec(header);
  const userId = match?.[1] ? await verifyAccessToken(c.env.JWT_SECRET, match[1]) : null;
  if (!userId) throw new ApiError('unauthorized', 'A valid access token is required');
  c.set('userId', userId);
  await next();
});
