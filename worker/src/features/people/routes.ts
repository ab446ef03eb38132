import { handleParam, userSearchQuery } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv, Db } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { getUserByHandle } from '../account/queries.ts';
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

export const users = new Hono<AppEnv>()
  .use(requireAuth)
  .get('/', validate('query', userSearchQuery), async (c) => {
    const db = c.get('db');
    const viewerId = c.get('userId');
    const rows = await searchPeople(db, viewerId, c.req.valid('query').q);
    return c.json({ users: await toUserViews(db, viewerId, rows) }, 200);
  })
  .get('/:handle', validate('param', handleParam), async (c) => {
    const db = c.get('db');
    const viewerId = c.get('userId');
    const row = await findVisibleUser(db, viewerId, c.req.valid('param').handle);
    if (!row) throw notFound('No such user');
    const [view] = await toUserViews(db, viewerId, [row]);
    return c.json(view, 200);
  })
  .put('/:handle/follow', validate('param', handleParam), async (c) => {
    const db = c.get('db');
    const target = await targetOf(db, c.get('userId'), c.req.valid('param').handle);
    await follow(db, c.get('userId'), target.id);
    return c.body(null, 204);
  })
  .delete('/:handle/follow', validate('param', handleParam), async (c) => {
    const db = c.get('db');
    const target = await targetOf(db, c.get('userId'), c.req.valid('param').handle);
    await unfollow(db, c.get('userId'), target.id);
    return c.body(null, 204);
  })
  // Blocking works even on someone who blocked you first, so you can make sure they stay away.
  .put('/:handle/block', validate('param', handleParam), async (c) => {
    const db = c.get('db');
    const target = await targetOf(db, c.get('userId'), c.req.valid('param').handle, { allowBlockedBy: true });
    await block(db, c.get('userId'), target.id);
    return c.body(null, 204);
  })
  .delete('/:handle/block', validate('param', handleParam), async (c) => {
    const db = c.get('db');
    const target = await targetOf(db, c.get('userId'), c.req.valid('param').handle, { allowBlockedBy: true });
    await unblock(db, c.get('userId'), target.id);
    return c.body(null, 204);
  });
