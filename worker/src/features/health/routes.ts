import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { pingDatabase } from './queries.ts';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  await pingDatabase(c.get('db'));
  return c.json({ ok: true as const }, 200);
});
