import { unreadCountsSchema } from '@clipdm/shared';
import { Hono } from 'hono';
import { unreadCounts } from '../../conversation-store/member-state.ts';
import type { AppEnv } from '../../env.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { documentRoute, json } from '../openapi/describe.ts';

/** `GET /v1/me/unread`: conversations with unread messages per box. */
export const unreadRoutes = new Hono<AppEnv>().use(requireAuth).get(
  '/',
  documentRoute({
    tag: 'Conversations',
    summary: 'Unread conversations per box',
    caller: 'user',
    success: { 200: json(unreadCountsSchema, 'The counts') },
    errors: [],
  }),
  async (c) => {
    const counts = await unreadCounts(c.get('db'), [c.get('userId')]);
    return c.json(counts.get(c.get('userId')) ?? { inbox: 0, requests: 0 }, 200);
  },
);
