import { contactsBody, contactsMatchedSchema, userListSchema } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { limitsOf } from '../../lib/config.ts';
import { contactSyncLimit } from '../../lib/limits.ts';
import { admit } from '../../lib/rate-limits.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { toUserViews } from '../people/user-views.ts';
import { clearContacts, keyHashes, replaceContacts, suggestedFriends } from './queries.ts';

/** Contacts and suggested friends, mounted beside `me` at `/v1/me`. Hashes are keyed again and never returned. */
export const contactRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .put(
    '/contacts',
    documentRoute({
      tag: 'Contacts',
      summary: 'Replace the synced contacts (hashes)',
      caller: 'user',
      success: { 200: json(contactsMatchedSchema, 'How many hashes matched an account') },
      errors: [400, 413, 429],
    }),
    validate('json', contactsBody),
    async (c) => {
      const { hashes } = c.req.valid('json');
      const max = limitsOf(c.env).contactsPerSync;
      if (hashes.length > max) {
        throw new ApiError('invalid_request', 'Too many contacts', {
          details: { issues: [{ path: 'hashes', message: `at most ${max}` }] },
        });
      }
      // Each sync tells which of its hashes have an account: counted, so it cannot be a lookup service.
      await admit(
        c.get('db'),
        contactSyncLimit(c.env, c.get('userId')),
        'Too many contact syncs; try again later',
      );
      const matched = await replaceContacts(
        c.get('db'),
        c.get('userId'),
        await keyHashes(c.env.CONTACTS_PEPPER, hashes),
      );
      return c.json({ matched }, 200);
    },
  )
  .delete(
    '/contacts',
    documentRoute({
      tag: 'Contacts',
      summary: 'Forget the synced contacts',
      caller: 'user',
      success: { 204: noContent('Forgotten') },
      errors: [],
    }),
    async (c) => {
      await clearContacts(c.get('db'), c.get('userId'));
      return c.body(null, 204);
    },
  )
  .get(
    '/suggested',
    documentRoute({
      tag: 'Contacts',
      summary: 'Suggested friends from the synced contacts',
      caller: 'user',
      success: { 200: json(userListSchema, 'The suggestions') },
      errors: [],
    }),
    async (c) => {
      const db = c.get('db');
      const rows = await suggestedFriends(db, c.get('userId'));
      return c.json({ users: await toUserViews(db, c.get('userId'), rows) }, 200);
    },
  );
