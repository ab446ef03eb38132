import {
  boxQuery,
  conversationPageSchema,
  conversationSchema,
  createConversationBody,
  idParam,
} from '@clipdm/shared';
import { Hono } from 'hono';
import {
  conversationView,
  conversationViewQueries,
  viewsFromRows,
} from '../../conversation-store/conversation-views.ts';
import { boxPage } from '../../conversation-store/inbox-page.ts';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../lib/api-error.ts';
import { decodeKeyset, encodeCursor } from '../../lib/cursor.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { publish } from '../../live/publish.ts';
import { announceChange } from '../groups/announce-change.ts';
import { createGroup } from '../groups/service.ts';
import { documentRoute, json } from '../openapi/describe.ts';
import { openDirect } from './open-direct.ts';

export const conversationRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get(
    '/',
    documentRoute({
      tag: 'Conversations',
      summary: 'Inbox or requests, by last activity',
      caller: 'user',
      success: { 200: json(conversationPageSchema, 'One page') },
      errors: [400],
    }),
    validate('query', boxQuery),
    async (c) => {
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
    },
  )
  .post(
    '/',
    documentRoute({
      tag: 'Conversations',
      summary: 'Open a direct conversation, or create a group',
      caller: 'user',
      success: {
        200: json(
          conversationSchema,
          'The existing direct conversation, or the group this clientId already created',
        ),
        201: json(conversationSchema, 'The new conversation'),
      },
      errors: [400, 403, 404, 413, 429],
    }),
    validate('json', createConversationBody),
    async (c) => {
      const db = c.get('db');
      const viewerId = c.get('userId');
      const { members: handles, title, clientId } = c.req.valid('json');
      const [handle] = handles;
      if (handles.length > 1 || !handle) {
        const group = await createGroup(db, c.env, viewerId, handles, title ?? null, clientId ?? null);
        if (!group.created) {
          // A retry (the same clientId): the group it made, as it stands now.
          const view = await conversationView(db, viewerId, group.id);
          if (!view) throw notFound('No such conversation');
          return c.json(view, 200);
        }
        // The group and the creator's view of it come from one transaction; the others hear of it later.
        announceChange(c, group.change);
        if (!group.change.view) throw notFound('No such conversation');
        return c.json(group.change.view, 201);
      }
      // A new conversation and the viewer's view of it come from one transaction; an existing one is read.
      const opened = await openDirect(db, viewerId, handle, (ids) =>
        conversationViewQueries(db, viewerId, ids),
      );
      const view = opened.read
        ? viewsFromRows(viewerId, opened.read)[0]
        : await conversationView(db, viewerId, opened.id);
      if (!view) throw notFound('No such conversation');
      // The viewer's other devices hear of a new one; the other side hears nothing until the first message.
      if (opened.created) {
        publish(c.env, c.executionCtx, [
          { userId: viewerId, event: { type: 'conversation', conversation: view } },
        ]);
      }
      return c.json(view, opened.created ? 201 : 200);
    },
  )
  .get(
    '/:id',
    documentRoute({
      tag: 'Conversations',
      summary: 'One conversation',
      caller: 'user',
      success: { 200: json(conversationSchema, 'The conversation') },
      errors: [400, 404],
    }),
    validate('param', idParam),
    async (c) => {
      const db = c.get('db');
      // The view is read with the membership check in the same query; a non-member gets the same 404.
      const view = await conversationView(db, c.get('userId'), c.req.valid('param').id);
      if (!view) throw notFound('No such conversation');
      return c.json(view, 200);
    },
  );
