import { contactsBody, identifiersBody } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { limitsOf } from '../../lib/config.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { toUserViews } from '../people/user-views.ts';
import {
  clearContacts,
  keyHashes,
  replaceContacts,
  replaceIdentifiers,
  suggestedFriends,
} from './queries.ts';

/** Contacts and suggested friends, mounted beside `me` at `/v1/me`. Hashes are keyed again and never returned. */
export const contactRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .put('/identifiers', validate('json', identifiersBody), async (c) => {
    const { identifiers } = c.req.valid('json');
    const keyed = await keyHashes(
      c.env.CONTACTS_PEPPER,
      identifiers.map((i) => i.hash),
    );
    await replaceIdentifiers(
      c.get('db'),
      c.get('userId'),
      identifiers.map((i, n) => ({ kind: i.kind, keyedHash: keyed[n] as string })),
    );
    return c.body(null, 204);
  })
  .put('/contacts', validate('json', contactsBody), async (c) => {
    const { hashes } = c.req.valid('json');
    const max = limitsOf(c.env).contactsPerSync;
    if (hashes.length > max) {
      throw new ApiError('invalid_request', 'Too many contacts', {
        details: { issues: [{ path: 'hashes', message: `at most ${max}` }] },
      });
    }
    const matched = await replaceContacts(
      c.get('db'),
      c.get('userId'),
      await keyHashes(c.env.CONTACTS_PEPPER, hashes),
    );
    return c.json({ matched }, 200);
  })
  .delete('/contacts', async (c) => {
    await clearContacts(c.get('db'), c.get('userId'));
    return c.body(null, 204);
  })
  .get('/suggested', async (c) => {
    const db = c.get('db');
    const rows = await suggestedFriends(db, c.get('userId'));
    return c.json({ users: await toUserViews(db, c.get('userId'), rows) }, 200);
  });
