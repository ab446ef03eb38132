import { boxQuery, createConversationBody } from '@clipdm/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { boxPage } from '../db/box-page.ts';
import { conversationDeliveries, messageDeliveries } from '../db/conversation-events.ts';
import { conversationView } from '../db/conversation-views.ts';
import { openDirect } from '../db/conversations.ts';
import { createGroup } from '../db/group-actions.ts';
import type { AppEnv } from '../env.ts';
import { notFound } from '../lib/api-error.ts';
import { decodeKeyset, encodeCursor } from '../lib/cursor.ts';
import { requireAuth } from '../lib/require-auth.ts';
import { validate } from '../lib/validate.ts';
import { publish } from '../live/publish.ts';

export const idParam = z.object({ id: z.string().min(1).max(64) });

export const conversationRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get('/', validate('query', boxQuery), async (c) => {
    const db = c.get('db');
    const { box, cursor, limit } = c.req.valid('query');
    const after = decodeKeyset(cursor);
    const page = await boxPage(db, c.get('userId'), box === 'inbox' ? 'accepted' : 'request', limit, after);
    const last = page.last;
    return c.json(
      {
        conversations: page.conversations,
        cursor: page.more && last ? encodeCursor([last.at, last.id]) : null,
      },
      200,
    );
  })
  .post('/', validate('json', createConversationBody), async (c) => {
    const db = c.get('db');
    const viewerId = c.get('userId');
    const { members: handles, title } = c.req.valid('json');
    const [handle] = handles;
    if (handles.length > 1 || !handle) {
      const group = await createGroup(db, c.env, viewerId, handles, title ?? null);
      publish(c.env, c.executionCtx, await messageDeliveries(db, group.row, [], { membersChanged: true }));
      const view = await conversationView(db, viewerId, group.id);
      if (!view) throw notFound('No such conversation');
      return c.json(view, 201);
    }
    const { id, created } = await openDirect(db, viewerId, handle);
    const view = await conversationView(db, viewerId, id);
    if (!view) throw notFound('No such conversation');
    if (created) publish(c.env, c.executionCtx, await conversationDeliveries(db, id, [viewerId]));
    return c.json(view, created ? 201 : 200);
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const db = c.get('db');
    // The view is read with the membership check in the same query; a non-member gets the same 404.
    const view = await conversationView(db, c.get('userId'), c.req.valid('param').id);
    if (!view) throw notFound('No such conversation');
    return c.json(view, 200);
  });
