import type { DrizzleD1Database } from 'drizzle-orm/d1';

/**
 * Bindings, vars and secrets of the worker, generated from wrangler.toml into `worker-configuration.d.ts`
 * by `npm run types:worker` (secret names from `secret-names.env`, so no .dev.vars is needed). `USER_HUB`
 * is typed with the `UserHub` class, so its stubs offer the hub's RPC methods.
 */
export type Env = Cloudflare.Env & {
  /** `1` bills each request's D1 use in an `X-D1-Bill` header: the bench and tests set it, wrangler.toml never. */
  D1_METERING?: string;
};

/**
 * Without drizzle's relational schema: nothing uses `db.query`, and `drizzle(x, { schema })` walks every
 * table's relations on each call, twice per signed-in request (about 0.3 ms of CPU each, measured with a
 * CPU profile of `wrangler dev`; docs/performance.md).
 */
export type Db = DrizzleD1Database;

/** Hono's environment: the bindings, and what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  /** `d1`: the request's D1 session (bookmark, metering) that `db` runs on; the login check wraps it. */
  Variables: { db: Db; d1: D1Database; requestId: string; userId: string; loginId: string };
}
