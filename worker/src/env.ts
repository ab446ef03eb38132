import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type * as schema from './db/schema.ts';

/** Bindings, vars and secrets of the worker (see wrangler.toml and .dev.vars). */
export interface Env {
  DB: D1Database;
  USER_HUB: DurableObjectNamespace;
  ENVIRONMENT: string;
  ALLOWED_ORIGINS: string;
  VIDEO_HOSTS: string;
  OEMBED_URL: string;
  LIMIT_MESSAGES_PER_MINUTE: string;
  LIMIT_NEW_REQUESTS_PER_DAY: string;
  LIMIT_MESSAGES_BEFORE_ACCEPT: string;
  LIMIT_GROUP_MEMBERS: string;
  LIMIT_MESSAGE_LENGTH: string;
  LIMIT_CONTACTS_PER_SYNC: string;
  JWT_SECRET: string;
  CONTACTS_PEPPER: string;
  ADMIN_TOKEN: string;
  /** `1` bills each request's D1 use in an `X-D1-Bill` header: the bench and tests only. */
  D1_METERING?: string;
}

export type Db = DrizzleD1Database<typeof schema>;

/** Hono's environment: the bindings, and what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db; requestId: string; userId: string };
}
