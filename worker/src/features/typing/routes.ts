import { idParam } from '@clipdm/shared';
import { eq, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { memberRowsQuery } from '../../conversation-store/membership.ts';
import { blocks } from '../../db/schema.ts';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../lib/api-error.ts';
import { typingLimit } from '../../lib/limits.ts';
import { admit } from '../../lib/rate-limits.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { publish } from '../../live/publish.ts';
import { documentRoute, noContent } from '../openapi/describe.ts';
import { typingAudience } from './audience.ts';

/**
 * `POST /v1/conversations/:id/typing`: an ephemeral live event, `{type:"typing", conversationId, userId}`,
 * handed to the other members' hubs and never stored (no table, no replay on reconnect); clients show it
 * for a few seconds. Mounted at `/v1/conversations/:id/typing`.
 */
export const typingRoutes = new Hono<AppEnv>().use(requireAuth).post(
  '/',
  documentRoute({
    tag: 'Conversations',
    summary: 'Say you are typing: a live event to the other members, never stored',
    caller: 'user',
    success: { 204: noContent('Told (or, for a request not yet accepted, nobody told)') },
    errors: [400, 404, 429],
  }),
  validate('param', idParam),
  async (c) => {
    const db = c.get('db');
    const userId = c.get('userId');
    const { id } = c.req.valid('param');
    // The members and the typist's blocks, either way, in one round trip.
    const [rows, blockRows] = await db.batch([
      memberRowsQuery(db, id),
      db
        .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
        .from(blocks)
        .where(or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId))),
    ]);
    const blockedEitherWay = new Set(
      blockRows.map((b) => (b.blockerId === userId ? b.blockedId : b.blockerId)),
    );
    const audience = typingAudience(rows, userId, blockedEitherWay);
    if (audience === null) throw notFound('No such conversation');
    await admit(db, typingLimit(userId), 'Too many typing signals');
    publish(
      c.env,
      c.executionCtx,
      audience.map((member) => ({ userId: member, event: { type: 'typing', conversationId: id, userId } })),
    );
    return c.body(null, 204);
  },
);
