import { allowedPolicies, pageQuery, settingsPatch } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { decodeKeyset, encodeCursor } from '../../lib/cursor.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { listBlocked } from '../people/queries.ts';
import { toUserViews } from '../people/user-views.ts';
import { getUserById, toMe } from './queries.ts';
import { getSettings, updateSettings } from './settings-queries.ts';

export const me = new Hono<AppEnv>()
  .use(requireAuth)
  .get('/', async (c) => {
    const user = await getUserById(c.get('db'), c.get('userId'));
    // A token can outlive its account by up to 15 minutes; such a caller is simply signed out.
    if (!user) throw new ApiError('unauthorized', 'This account no longer exists');
    return c.json(toMe(user), 200);
  })
  .get('/settings', async (c) => c.json(await getSettings(c.get('db'), c.get('userId')), 200))
  .patch('/settings', validate('json', settingsPatch), async (c) => {
    const db = c.get('db');
    const patch = c.req.valid('json');
    if (patch.dmPolicy) {
      const user = await getUserById(db, c.get('userId'));
      if (!user) throw new ApiError('unauthorized', 'This account no longer exists');
      const group = toMe(user).ageGroup;
      if (!allowedPolicies(group).includes(patch.dmPolicy)) {
        throw new ApiError('age_restricted', 'That setting is not available at your age', {
          details: { allowed: allowedPolicies(group) },
        });
      }
    }
    return c.json(await updateSettings(db, c.get('userId'), patch), 200);
  })
  .get('/blocks', validate('query', pageQuery), async (c) => {
    const db = c.get('db');
    const { cursor, limit } = c.req.valid('query');
    const after = decodeKeyset(cursor);
    const page = await listBlocked(db, c.get('userId'), limit, after);
    const last = page.rows.at(-1);
    return c.json(
      {
        users: await toUserViews(
          db,
          c.get('userId'),
          page.rows.map((r) => r.user),
        ),
        cursor: page.more && last ? encodeCursor([last.blockedAt, last.user.id]) : null,
      },
      200,
    );
  });
