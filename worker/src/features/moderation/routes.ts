import {
  handleParam,
  reportPageSchema,
  reportsQuery,
  resolvedReportSchema,
  resolveReportBody,
} from '@clipdm/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../lib/api-error.ts';
import { decodeKeyset, encodeCursor } from '../../lib/cursor.ts';
import { requireAdmin } from '../../lib/require-admin.ts';
import { validate } from '../../lib/validate.ts';
import { closeLiveSockets } from '../../live/sign-out.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { getReport, listReports, resolveReport, setSuspended } from './queries.ts';

const reportParam = z.object({ id: z.string().min(1).max(64) });

/** Moderation: review reports with the messages copied into them, and suspend or reinstate accounts. */
export const moderationRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .get(
    '/reports',
    documentRoute({
      tag: 'Moderation',
      summary: 'Reports by status',
      caller: 'admin',
      success: { 200: json(reportPageSchema, 'One page') },
      errors: [400],
    }),
    validate('query', reportsQuery),
    async (c) => {
      const { status, cursor, limit } = c.req.valid('query');
      const after = decodeKeyset(cursor);
      const page = await listReports(c.get('db'), status, limit, after);
      return c.json(
        { reports: page.reports, cursor: page.next ? encodeCursor([page.next.at, page.next.id]) : null },
        200,
      );
    },
  )
  .post(
    '/reports/:id/resolve',
    documentRoute({
      tag: 'Moderation',
      summary: 'Resolve a report',
      caller: 'admin',
      success: { 200: json(resolvedReportSchema, 'The resolved report') },
      errors: [400, 404, 413],
    }),
    validate('param', reportParam),
    validate('json', resolveReportBody),
    async (c) => {
      const db = c.get('db');
      const { id } = c.req.valid('param');
      const { resolved, suspendedUserId } = await resolveReport(db, id, c.req.valid('json').action);
      if (!resolved) throw notFound('No such report');
      if (suspendedUserId) closeLiveSockets(c.env, c.executionCtx, suspendedUserId);
      const report = await getReport(db, id);
      if (!report) throw notFound('No such report');
      return c.json({ report }, 200);
    },
  )
  .put(
    '/users/:handle/suspension',
    documentRoute({
      tag: 'Moderation',
      summary: 'Suspend an account',
      caller: 'admin',
      success: { 204: noContent('Suspended') },
      errors: [400, 404],
    }),
    validate('param', handleParam),
    async (c) => {
      const userId = await setSuspended(c.get('db'), c.req.valid('param').handle, true);
      if (!userId) throw notFound('No such user');
      // The suspension ended the account's logins; their live sockets close too.
      closeLiveSockets(c.env, c.executionCtx, userId);
      return c.body(null, 204);
    },
  )
  .delete(
    '/users/:handle/suspension',
    documentRoute({
      tag: 'Moderation',
      summary: 'Lift a suspension',
      caller: 'admin',
      success: { 204: noContent('Not suspended') },
      errors: [400, 404],
    }),
    validate('param', handleParam),
    async (c) => {
      if (!(await setSuspended(c.get('db'), c.req.valid('param').handle, false)))
        throw notFound('No such user');
      return c.body(null, 204);
    },
  );
