import {
  accountExportSchema,
  allowedPolicies,
  deleteMeBody,
  meSchema,
  pageQuery,
  settingsPatch,
  settingsSchema,
  userPageSchema,
} from '@clipdm/shared';
import { Hono } from 'hono';
import { activeGroupsOf } from '../../conversation-store/account-data.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { decodeKeyset, encodeCursor } from '../../lib/cursor.ts';
import { loginLimit } from '../../lib/limits.ts';
import { admit } from '../../lib/rate-limits.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { membersChangedDeliveries } from '../../live/audiences.ts';
import { publish } from '../../live/publish.ts';
import { closeLiveSockets } from '../../live/sign-out.ts';
import { verifyPassword } from '../auth/password.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { listBlocked } from '../people/queries.ts';
import { toUserViews } from '../people/user-views.ts';
import { deleteAccount } from './account-deletion.ts';
import { exportAccount } from './account-export.ts';
import { findCredentials, getUserById, toMe } from './queries.ts';
import { getSettings, updateSettings } from './settings-queries.ts';

/** The caller's account at `/v1/me`: profile, settings, blocks, export and deletion. */
export const accountRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get(
    '/',
    documentRoute({
      tag: 'Account',
      summary: 'The caller',
      caller: 'user',
      success: { 200: json(meSchema, 'The caller') },
      errors: [],
    }),
    async (c) => {
      const user = await getUserById(c.get('db'), c.get('userId'));
      // A token can outlive its account by up to 15 minutes; such a caller is simply signed out.
      if (!user) throw new ApiError('unauthorized', 'This account no longer exists');
      return c.json(toMe(user), 200);
    },
  )
  .get(
    '/settings',
    documentRoute({
      tag: 'Account',
      summary: 'DM settings',
      caller: 'user',
      success: { 200: json(settingsSchema, 'The settings') },
      errors: [],
    }),
    async (c) => c.json(await getSettings(c.get('db'), c.get('userId')), 200),
  )
  .patch(
    '/settings',
    documentRoute({
      tag: 'Account',
      summary: 'Change DM settings',
      caller: 'user',
      success: { 200: json(settingsSchema, 'The settings after the change') },
      errors: [400, 403, 413],
    }),
    validate('json', settingsPatch),
    async (c) => {
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
    },
  )
  .get(
    '/blocks',
    documentRoute({
      tag: 'Account',
      summary: 'People the caller blocked, newest first',
      caller: 'user',
      success: { 200: json(userPageSchema, 'One page') },
      errors: [400],
    }),
    validate('query', pageQuery),
    async (c) => {
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
    },
  )
  .delete(
    '/',
    documentRoute({
      tag: 'Account',
      summary: 'Delete the account (needs the password)',
      caller: 'user',
      success: { 204: noContent('The account is gone') },
      errors: [400, 413, 429],
    }),
    validate('json', deleteMeBody),
    async (c) => {
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
    },
  )
  .get(
    '/export',
    documentRoute({
      tag: 'Account',
      summary: 'Everything the service holds about the caller, as a download',
      caller: 'user',
      success: { 200: json(accountExportSchema, 'The export document') },
      errors: [],
    }),
    async (c) => {
      const document = await exportAccount(c.get('db'), c.get('userId'));
      if (!document) throw new ApiError('unauthorized', 'This account no longer exists');
      const day = document.exportedAt.slice(0, 10);
      c.header(
        'Content-Disposition',
        `attachment; filename="clipdm-export-${document.profile.handle}-${day}.json"`,
      );
      c.header('Cache-Control', 'no-store');
      return c.json(document, 200);
    },
  );
