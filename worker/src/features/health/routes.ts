import { healthSchema } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { documentRoute, json } from '../openapi/describe.ts';
import { pingDatabase } from './queries.ts';

export const healthRoutes = new Hono<AppEnv>().get(
  '/',
  documentRoute({
    tag: 'Platform',
    summary: 'Health check (queries the database)',
    caller: 'anyone',
    success: { 200: json(healthSchema, 'The worker and its database answer') },
    errors: [],
  }),
  async (c) => {
    await pingDatabase(c.get('db'));
    return c.json({ ok: true as const }, 200);
  },
);
