import { addMembersBody, idParam, memberParam, renameConversationBody } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { conversationView } from '../conversations/conversation-views.ts';
import { requireMembership } from '../conversations/queries.ts';
import { announceChange } from './announce-change.ts';
import { addToGroup, removeFromGroup, renameGroup } from './service.ts';

/** Group membership and title, mounted at `/v1/conversations`. */
export const groupRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .patch('/:id', validate('param', idParam), validate('json', renameConversationBody), async (c) => {
    const db = c.get('db');
    const userId = c.get('userId');
    const membership = await requireMembership(db, c.req.valid('param').id, userId);
    const { id, row } = await renameGroup(db, membership, userId, c.req.valid('json').title);
    await announceChange(c, row);
    const view = await conversationView(db, userId, id);
    if (!view) throw notFound('No such conversation');
    return c.json(view, 200);
  })
  .post('/:id/members', validate('param', idParam), validate('json', addMembersBody), async (c) => {
    const db = c.get('db');
    const userId = c.get('userId');
    const membership = await requireMembership(db, c.req.valid('param').id, userId);
    const { id, row } = await addToGroup(db, c.env, membership, userId, c.req.valid('json').handles);
    await announceChange(c, row);
    const view = await conversationView(db, userId, id);
    if (!view) throw notFound('No such conversation');
    return c.json(view, 200);
  })
  .delete('/:id/members/:handle', validate('param', memberParam), async (c) => {
    const db = c.get('db');
    const userId = c.get('userId');
    const { id, handle } = c.req.valid('param');
    const membership = await requireMembership(db, id, userId);
    const { row, gone } = await removeFromGroup(db, membership, userId, handle);
    await announceChange(c, row, gone);
    return c.body(null, 204);
  });
