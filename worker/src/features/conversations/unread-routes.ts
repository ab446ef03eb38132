import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { unreadCounts } from './member-state-queries.ts';

/** `GET /v1/me/unread`, mounted beside `me`: conversations with unread messages per box. */
export const unreadRoutes = new Hono<AppEnv>().use(requireAuth).get('/unread', async (c) => {
  const counts = await unreadCounts(c.get('db'), [c.get('userId')]);
  return c.json(counts.get(c.get('userId')) ?? { inbox: 0, requests: 0 }, 200);
});
