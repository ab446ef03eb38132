import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env.ts';

/** True when `origin` matches one of the comma-separated patterns; `*` stands for one id or host part. */
export function originAllowed(origin: string, patterns: string): boolean {
  return patterns
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .some((pattern) => {
      const regex = new RegExp(
        `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[a-z0-9-]+')}$`,
      );
      return regex.test(origin);
    });
}

/** CORS for the origins in `ALLOWED_ORIGINS` only (the extension and dev pages). */
export const corsForAllowedOrigins: MiddlewareHandler<AppEnv> = (c, next) =>
  cors({
    origin: (origin) => (originAllowed(origin, c.env.ALLOWED_ORIGINS) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'X-D1-Bookmark'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    exposeHeaders: ['Retry-After', 'X-Request-Id', 'X-D1-Bookmark'],
    maxAge: 600,
  })(c, next);
