import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  // A real round trip, so a broken database binding shows here and not on the first message.
  await c.get('db').get(sql`select 1 as ok`);
  return c.json({ ok: true as const }, 200);
});
