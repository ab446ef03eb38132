import {
  addMembersBody,
  conversationSchema,
  idParam,
  memberParam,
  renameConversationBody,
} from '@clipdm/shared';
import { Hono } from 'hono';
import { conversationView } from '../../conversation-store/conversation-views.ts';
import { requireMembership } from '../../conversation-store/membership.ts';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { announceChange } from './announce-change.ts';
import { addToGroup, removeFromGroup, renameGroup } from './service.ts';

/** Group title and membership, mounted at `/v1/conversations/:id`. */
export const groupRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .patch(
    '/',
    documentRoute({
      tag: 'Groups',
      summary: 'Rename a group (owner)',
      caller: 'user',
      success: { 200: json(conversationSchema, 'The renamed group') },
      errors: [400, 403, 404, 413],
    }),
    validate('param', idParam),
    validate('json', renameConversationBody),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const membership = await requireMembership(db, c.req.valid('param').id, userId);
      const { id, change } = await renameGroup(db, membership, userId, c.req.valid('json').title);
      announceChange(c, change);
      // The same title again: nothing was written, so the view is read on its own.
      const view = change ? change.view : await conversationView(db, userId, id);
      if (!view) throw notFound('No such conversation');
      return c.json(view, 200);
    },
  )
  .post(
    '/members',
    documentRoute({
      tag: 'Groups',
      summary: 'Add members',
      caller: 'user',
      success: { 200: json(conversationSchema, 'The group with its new members') },
      errors: [400, 403, 404, 413, 429],
    }),
    validate('param', idParam),
    validate('json', addMembersBody),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const membership = await requireMembership(db, c.req.valid('param').id, userId);
      const { id, change } = await addToGroup(db, c.env, membership, userId, c.req.valid('json').handles);
      announceChange(c, change);
      // No one new (all of them already in): nothing was written, so the view is read on its own.
      const view = change ? change.view : await conversationView(db, userId, id);
      if (!view) throw notFound('No such conversation');
      return c.json(view, 200);
    },
  )
  .delete(
    '/members/:handle',
    documentRoute({
      tag: 'Groups',
      summary: 'Remove a member (owner), or yourself',
      caller: 'user',
      success: { 204: noContent('Removed') },
      errors: [400, 403, 404],
    }),
    validate('param', memberParam),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const { id, handle } = c.req.valid('param');
      const membership = await requireMembership(db, id, userId);
      const { change, gone } = await removeFromGroup(db, membership, userId, handle);
      announceChange(c, change, gone);
      return c.body(null, 204);
    },
  );
