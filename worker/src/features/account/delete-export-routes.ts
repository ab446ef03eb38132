import { deleteMeBody } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { loginLimit } from '../../lib/limits.ts';
import { admit } from '../../lib/rate-limits.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { membersChangedDeliveries } from '../../live/audiences.ts';
import { publish } from '../../live/publish.ts';
import { closeLiveSockets } from '../../live/sign-out.ts';
import { verifyPassword } from '../auth/password.ts';
import { activeGroupsOf, deleteAccount } from './account-deletion.ts';
import { exportAccount } from './account-export.ts';
import { findCredentials, getUserById } from './queries.ts';

/** The account as a whole: delete it, or take everything it holds away as one JSON document. */
export const account = new Hono<AppEnv>()
  .use(requireAuth)
  .delete('/', validate('json', deleteMeBody), async (c) => {
    const db = c.get('db');
    const user = await getUserById(db, c.get('userId'));
    const stored = user ? await findCredentials(db, user.id) : undefined;
    if (!user || !stored) throw new ApiError('unauthorized', 'This account no longer exists');
    // Each password counts against the sign-in budget before it is checked, so a stolen access token
    // cannot guess it faster than the login form allows, in parallel or not.
    await admit(db, loginLimit(user.handle ?? user.id), 'Too many wrong passwords; try again later');
    if (!(await verifyPassword(c.req.valid('json').password, stored))) {
      throw new ApiError('invalid_credentials', 'Wrong password');
    }
    const groups = await activeGroupsOf(db, user.id);
    await deleteAccount(db, user);
    closeLiveSockets(c.env, c.executionCtx, user.id);
    // The account left its groups: their other members see the new member list.
    publish(c.env, c.executionCtx, await membersChangedDeliveries(db, groups));
    return c.body(null, 204);
  })
  .get('/export', async (c) => {
    const document = await exportAccount(c.get('db'), c.get('userId'));
    if (!document) throw new ApiError('unauthorized', 'This account no longer exists');
    const day = document.exportedAt.slice(0, 10);
    c.header(
      'Content-Disposition',
      `attachment; filename="clipdm-export-${document.profile.handle}-${day}.json"`,
    );
    c.header('Cache-Control', 'no-store');
    return c.json(document, 200);
  });
