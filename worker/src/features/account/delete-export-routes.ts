import { deleteMeBody } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { hit, peek } from '../../lib/rate-limits.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { membersChangedDeliveries } from '../../live/audiences.ts';
import { publish } from '../../live/publish.ts';
import { verifyPassword } from '../auth/password.ts';
import { activeGroupsOf, deleteAccount } from './account-deletion.ts';
import { exportAccount } from './account-export.ts';
import { findCredentials, getUserById } from './queries.ts';

// Wrong passwords here count against the same budget as sign-ins, so a stolen access token cannot be
// used to guess the password faster than the login form allows.
const PASSWORD_FAILURES_ALLOWED = 10;
const PASSWORD_WINDOW_SECONDS = 15 * 60;

/** The account as a whole: delete it, or take everything it holds away as one JSON document. */
export const account = new Hono<AppEnv>()
  .use(requireAuth)
  .delete('/', validate('json', deleteMeBody), async (c) => {
    const db = c.get('db');
    const user = await getUserById(db, c.get('userId'));
    const stored = user ? await findCredentials(db, user.id) : undefined;
    if (!user || !stored) throw new ApiError('unauthorized', 'This account no longer exists');
    const limitKey = `login:${user.handle}`;
    const failures = await peek(db, limitKey, PASSWORD_WINDOW_SECONDS);
    if (failures.count >= PASSWORD_FAILURES_ALLOWED) {
      throw new ApiError('rate_limited', 'Too many wrong passwords; try again later', {
        headers: { 'Retry-After': String(failures.retryAfter) },
      });
    }
    if (!(await verifyPassword(c.req.valid('json').password, stored))) {
      await hit(db, limitKey, PASSWORD_WINDOW_SECONDS);
      throw new ApiError('invalid_credentials', 'Wrong password');
    }
    const groups = await activeGroupsOf(db, user.id);
    await deleteAccount(db, user);
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
