import {
  identifierConfirmBody,
  identifierIdParam,
  identifierStartBody,
  normalizeIdentifier,
  outboxQuery,
} from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { listIdentifiers, outboxFor, removeIdentifier } from './queries.ts';
import { confirmIdentifierCode, sendIdentifierCode } from './service.ts';

/** The caller's own email and phone, proven with a code (API.md, "Contacts"), mounted at `/v1/me`. */
export const identifierRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .post('/identifiers', validate('json', identifierStartBody), async (c) => {
    await sendIdentifierCode(c.get('db'), c.env, c.get('userId'), c.req.valid('json'));
    return c.body(null, 202);
  })
  .post('/identifiers/confirm', validate('json', identifierConfirmBody), async (c) => {
    const identifier = await confirmIdentifierCode(c.get('db'), c.env, c.get('userId'), c.req.valid('json'));
    return c.json(identifier, 201);
  })
  .get('/identifiers', async (c) => {
    return c.json({ identifiers: await listIdentifiers(c.get('db'), c.get('userId')) }, 200);
  })
  .delete('/identifiers/:id', validate('param', identifierIdParam), async (c) => {
    const removed = await removeIdentifier(c.get('db'), c.get('userId'), c.req.valid('param').id);
    if (!removed) throw notFound();
    return c.body(null, 204);
  });

/** `GET /v1/dev/outbox?to=`: the codes development "sent"; in every other environment it does not exist. */
export const devOutboxRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.ENVIRONMENT !== 'development') throw notFound();
    await next();
  })
  .get('/outbox', validate('query', outboxQuery), async (c) => {
    const to = c.req.valid('query').to;
    const normalized = normalizeIdentifier('email', to) ?? normalizeIdentifier('phone', to) ?? to;
    return c.json({ messages: await outboxFor(c.get('db'), normalized) }, 200);
  });
