import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type * as schema from './db/schema.ts';

/**
 * Bindings, vars and secrets of the worker, generated from wrangler.toml into `worker-configuration.d.ts`
 * by `npm run types:worker` (secret names from `secret-names.env`, so no .dev.vars is needed). `USER_HUB`
 * is typed with the `UserHub` class, so its stubs offer the hub's RPC methods.
 */
export type Env = Cloudflare.Env;

export type Db = DrizzleD1Database<typeof schema>;

/** Hono's environment: the bindings, and what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db; requestId: string; userId: string; loginId: string };
}
