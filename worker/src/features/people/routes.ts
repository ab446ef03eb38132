import { handleParam, userListSchema, userSchema, userSearchQuery } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv, Db } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { getUserByHandle } from '../account/queries.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { findPeople } from './find-people.ts';
import { block, follow, unblock, unfollow } from './follow-block-queries.ts';
import { findVisibleUser } from './queries.ts';
import { toUserViews } from './user-views.ts';

function notYourself(target: { id: string } | undefined, viewerId: string) {
  if (target?.id === viewerId) {
    throw new ApiError('invalid_request', 'You cannot do that to yourself', {
      details: { issues: [{ path: 'handle', message: 'is your own handle' }] },
    });
  }
}

/** The other account a follow targets; yourself, unknown handles and those who blocked you are refused. */
async function targetOf(db: Db, viewerId: string, handle: string) {
  const target = await findVisibleUser(db, viewerId, handle);
  if (!target) throw notFound('No such user');
  notYourself(target, viewerId);
  return target;
}

/**
 * The account a block or unblock targets, even one that blocked you first (so you can make sure they stay
 * away). An unknown handle is a quiet no-op (undefined): answering 404 there would tell "no such account"
 * apart from "blocked me".
 */
async function blockTargetOf(db: Db, viewerId: string, handle: string) {
  const target = await getUserByHandle(db, handle);
  notYourself(target, viewerId);
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
      return c.json({ users: await findPeople(db, viewerId, c.req.valid('query').q) }, 200);
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
  .put(
    '/:handle/block',
    documentRoute({
      tag: 'People',
      summary: 'Block',
      caller: 'user',
      success: { 204: noContent('Blocked (nothing to do for an unknown handle)') },
      errors: [400],
    }),
    validate('param', handleParam),
    async (c) => {
      const db = c.get('db');
      const target = await blockTargetOf(db, c.get('userId'), c.req.valid('param').handle);
      if (target) await block(db, c.get('userId'), target.id);
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
      errors: [400],
    }),
    validate('param', handleParam),
    async (c) => {
      const db = c.get('db');
      const target = await blockTargetOf(db, c.get('userId'), c.req.valid('param').handle);
      if (target) await unblock(db, c.get('userId'), target.id);
      return c.body(null, 204);
    },
  );
