import { Hono } from 'hono';
import { pingDatabase } from '../db/ping.ts';
import type { AppEnv } from '../env.ts';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  await pingDatabase(c.get('db'));
  return c.json({ ok: true as const }, 200);
});
