import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env.ts';

/**
 * True when `origin` is one of the comma-separated origins, exactly. No wildcards: a pattern such as
 * `chrome-extension://*` would let any installed extension call the API with a user's token; the published
 * extension has a stable id (its manifest `key`), so that id is listed instead.
 */
export function originAllowed(origin: string, allowed: string): boolean {
  return allowed
    .split(',')
    .map((o) => o.trim())
    .some((o) => o !== '' && o === origin);
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
