import { boxQuery, createConversationBody } from '@clipdm/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { conversationDeliveries } from '../db/conversation-events.ts';
import { conversationView, conversationViews } from '../db/conversation-views.ts';
import { findDirect, getOrCreateDirect, listBox, requireMembership } from '../db/conversations.ts';
import { decideEach, directKeyOf } from '../db/policy-facts.ts';
import { getUserByHandle } from '../db/users.ts';
import type { AppEnv, Db } from '../env.ts';
import { ApiError, notFound } from '../lib/api-error.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { requireAuth } from '../lib/require-auth.ts';
import { validate } from '../lib/validate.ts';
import { publish } from '../live/publish.ts';

export const idParam = z.object({ id: z.string().min(1).max(64) });

/** The direct conversation with `handle`: the existing one, or a new one if the policy allows it. */
async function openDirect(db: Db, viewerId: string, handle: string) {
  const other = await getUserByHandle(db, handle);
  if (!other) throw notFound('No such user');
  if (other.id === viewerId) {
    throw new ApiError('invalid_request', 'You cannot message yourself', {
      details: { issues: [{ path: 'members.0', message: 'is your own handle' }] },
    });
  }
  const directKey = directKeyOf(viewerId, other.id);
  const existing = await findDirect(db, directKey);
  if (existing) return { id: existing.id, created: false };
  const decision = (await decideEach(db, viewerId, [other.id])).get(other.id);
  if (!decision?.allowed) {
    const code = decision?.allowed === false ? decision.denial : 'cannot_message';
    throw new ApiError(
      code,
      code === 'dms_unavailable' ? 'Your account cannot use messages' : 'You cannot message this account',
    );
  }
  return getOrCreateDirect(db, {
    creatorId: viewerId,
    otherId: other.id,
    directKey,
    otherStatus: decision.status,
  });
}

export const conversationRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get('/', validate('query', boxQuery), async (c) => {
    const db = c.get('db');
    const { box, cursor, limit } = c.req.valid('query');
    const parts = decodeCursor(cursor, 2);
    const after = parts ? { at: String(parts[0]), id: String(parts[1]) } : null;
    const page = await listBox(db, c.get('userId'), box === 'inbox' ? 'accepted' : 'request', limit, after);
    const last = page.rows.at(-1);
    return c.json(
      {
        conversations: await conversationViews(
          db,
          c.get('userId'),
          page.rows.map((r) => r.id),
        ),
        cursor: page.more && last ? encodeCursor([last.at, last.id]) : null,
      },
      200,
    );
  })
  .post('/', validate('json', createConversationBody), async (c) => {
    const db = c.get('db');
    const viewerId = c.get('userId');
    const { members: handles } = c.req.valid('json');
    const [handle] = handles;
    if (handles.length !== 1 || !handle) throw new ApiError('invalid_request', 'Groups are not available');
    const { id, created } = await openDirect(db, viewerId, handle);
    const view = await conversationView(db, viewerId, id);
    if (!view) throw notFound('No such conversation');
    if (created) publish(c.env, c.executionCtx, await conversationDeliveries(db, id, [viewerId]));
    return c.json(view, created ? 201 : 200);
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const db = c.get('db');
    const { id } = c.req.valid('param');
    await requireMembership(db, id, c.get('userId'));
    const view = await conversationView(db, c.get('userId'), id);
    if (!view) throw notFound('No such conversation');
    return c.json(view, 200);
  });
