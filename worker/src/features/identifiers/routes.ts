import {
  identifierConfirmBody,
  identifierIdParam,
  identifierListSchema,
  identifierSchema,
  identifierStartBody,
  normalizeIdentifier,
  outboxQuery,
  outboxSchema,
} from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { listIdentifiers, outboxFor, removeIdentifier } from './queries.ts';
import { confirmIdentifierCode, sendIdentifierCode } from './service.ts';

/** The caller's own email and phone, proven with a code (API.md, "Contacts"), mounted at `/v1/me`. */
export const identifierRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .post(
    '/identifiers',
    documentRoute({
      tag: 'Contacts',
      summary: 'Send a 6-digit code to your email or phone (15 minutes, 5 tries; 5 codes an hour)',
      caller: 'user',
      success: { 202: noContent('Sent') },
      errors: [400, 413, 429],
    }),
    validate('json', identifierStartBody),
    async (c) => {
      await sendIdentifierCode(c.get('db'), c.env, c.get('userId'), c.req.valid('json'));
      return c.body(null, 202);
    },
  )
  .post(
    '/identifiers/confirm',
    documentRoute({
      tag: 'Contacts',
      summary: 'Confirm the code: the identifier becomes yours (and leaves any other account)',
      caller: 'user',
      success: { 201: json(identifierSchema, 'The verified identifier') },
      errors: [400, 413],
    }),
    validate('json', identifierConfirmBody),
    async (c) => {
      const identifier = await confirmIdentifierCode(
        c.get('db'),
        c.env,
        c.get('userId'),
        c.req.valid('json'),
      );
      return c.json(identifier, 201);
    },
  )
  .get(
    '/identifiers',
    documentRoute({
      tag: 'Contacts',
      summary: 'Your verified email and phone',
      caller: 'user',
      success: { 200: json(identifierListSchema, 'Your identifiers, as hints') },
      errors: [],
    }),
    async (c) => {
      return c.json({ identifiers: await listIdentifiers(c.get('db'), c.get('userId')) }, 200);
    },
  )
  .delete(
    '/identifiers/:id',
    documentRoute({
      tag: 'Contacts',
      summary: 'Remove one of your identifiers',
      caller: 'user',
      success: { 204: noContent('Removed') },
      errors: [400, 404],
    }),
    validate('param', identifierIdParam),
    async (c) => {
      const removed = await removeIdentifier(c.get('db'), c.get('userId'), c.req.valid('param').id);
      if (!removed) throw notFound();
      return c.body(null, 204);
    },
  );

/** `GET /v1/dev/outbox?to=`: the codes development "sent"; in every other environment it does not exist. */
export const devOutboxRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.ENVIRONMENT !== 'development') throw notFound();
    await next();
  })
  .get(
    '/outbox',
    documentRoute({
      tag: 'Platform',
      summary: 'Development only (404 elsewhere): the codes that would have been sent to `to`',
      caller: 'anyone',
      success: { 200: json(outboxSchema, 'The newest 50 codes') },
      errors: [400, 404],
    }),
    validate('query', outboxQuery),
    async (c) => {
      const to = c.req.valid('query').to;
      const normalized = normalizeIdentifier('email', to) ?? normalizeIdentifier('phone', to) ?? to;
      return c.json({ messages: await outboxFor(c.get('db'), normalized) }, 200);
    },
  );
