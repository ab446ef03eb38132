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
  /** The video site's Login Kit (API.md, "Sign in with the video site"); the site's real endpoints by default. */
  SITE_OAUTH_AUTHORIZE_URL: string;
  SITE_OAUTH_TOKEN_URL: string;
  SITE_USERINFO_URL: string;
  SITE_CLIENT_KEY: string;
  SITE_CLIENT_SECRET?: string;
  FACEBOOK_OAUTH_URL: string;
  FACEBOOK_GRAPH_URL: string;
  FACEBOOK_APP_ID: string;
  FACEBOOK_APP_SECRET?: string;
  /** How long a provider may take to answer one call, in milliseconds. */
  PROVIDER_TIMEOUT_MS: string;
  /** Codes for identifiers: a Workers email binding, or an HTTP email API; an HTTP SMS API. */
  EMAIL?: SendEmail;
  EMAIL_FROM: string;
  EMAIL_API_URL: string;
  EMAIL_API_KEY?: string;
  SMS_API_URL: string;
  SMS_FROM: string;
  SMS_API_KEY?: string;
  SMS_API_SECRET?: string;
  JWT_SECRET: string;
  CONTACTS_PEPPER: string;
  ADMIN_TOKEN: string;
}

export type Db = DrizzleD1Database<typeof schema>;

/** Hono's environment: the bindings, and what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db; requestId: string; userId: string };
}
