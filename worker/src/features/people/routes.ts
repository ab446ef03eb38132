import { handleParam, userListSchema, userSchema, userSearchQuery } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv, Db } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { getUserByHandle } from '../account/queries.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { block, follow, unblock, unfollow } from './follow-block-queries.ts';
import { findVisibleUser, searchPeople } from './queries.ts';
import { toUserViews } from './user-views.ts';

/** The other account a graph action targets; yourself and unknown handles are refused. */
async function targetOf(db: Db, viewerId: string, handle: string, { allowBlockedBy = false } = {}) {
  const target = allowBlockedBy
    ? await getUserByHandle(db, handle)
    : await findVisibleUser(db, viewerId, handle);
  if (!target) throw notFound('No such user');
  if (target.id === viewerId) {
    throw new ApiError('invalid_request', 'You cannot do that to yourself', {
      details: { issues: [{ path: 'handle', message: 'is your own handle' }] },
    });
  }
  return target;
}

export const peopleRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get(
    '/',
    documentRoute({
      tag: 'People',
      summary: 'Search people by handle or name',
      caller: 'user',
      success: { 200: json(userListSchema, 'Matches') },
      errors: [400],
    }),
    validate('query', userSearchQuery),
    async (c) => {
      const db = c.get('db');
      const viewerId = c.get('userId');
      const rows = await searchPeople(db, viewerId, c.req.valid('query').q);
      return c.json({ users: await toUserViews(db, viewerId, rows) }, 200);
    },
  )
  .get(
    '/:handle',
    documentRoute({
      tag: 'People',
      summary: 'One person',
      caller: 'user',
      success: { 200: json(userSchema, 'The person') },
      errors: [400, 404],
    }),
    validate('param', handleParam),
    async (c) => {
      const db = c.get('db');
      const viewerId = c.get('userId');
      const row = await findVisibleUser(db, viewerId, c.req.valid('param').handle);
      if (!row) throw notFound('No such user');
      const [view] = await toUserViews(db, viewerId, [row]);
      return c.json(view, 200);
    },
  )
  .put(
    '/:handle/follow',
    documentRoute({
      tag: 'People',
      summary: 'Follow',
      caller: 'user',
      success: { 204: noContent('Following') },
      errors: [400, 404],
    }),
    validate('param', handleParam),
    async (c) => {
      const db = c.get('db');
      const target = await targetOf(db, c.get('userId'), c.req.valid('param').handle);
      await follow(db, c.get('userId'), target.id);
      return c.body(null, 204);
    },
  )
  .delete(
    '/:handle/follow',
    documentRoute({
      tag: 'People',
      summary: 'Unfollow',
      caller: 'user',
      success: { 204: noContent('Not following') },
      errors: [400, 404],
    }),
    validate('param', handleParam),
    async (c) => {
      const db = c.get('db');
      const target = await targetOf(db, c.get('userId'), c.req.valid('param').handle);
      await unfollow(db, c.get('userId'), target.id);
      return c.body(null, 204);
    },
  )
  // Blocking works even on someone who blocked you first, so you can make sure they stay away.
  .put(
    '/:handle/block',
    documentRoute({
      tag: 'People',
      summary: 'Block',
      caller: 'user',
      success: { 204: noContent('Blocked') },
      errors: [400, 404],
    }),
    validate('param', handleParam),
    async (c) => {
      const db = c.get('db');
      const target = await targetOf(db, c.get('userId'), c.req.valid('param').handle, {
        allowBlockedBy: true,
      });
      await block(db, c.get('userId'), target.id);
      return c.body(null, 204);
    },
  )
  .delete(
    '/:handle/block',
    documentRoute({
      tag: 'People',
      summary: 'Unblock',
      caller: 'user',
      success: { 204: noContent('Not blocked') },
      errors: [400, 404],
    }),
    validate('param', handleParam),
    async (c) => {
      const db = c.get('db');
      const target = await targetOf(db, c.get('userId'), c.req.valid('param').handle, {
        allowBlockedBy: true,
      });
      await unblock(db, c.get('userId'), target.id);
      return c.body(null, 204);
    },
  );
