import { conversationSchema, idParam, readBody, reportBody, reportFiledSchema } from '@clipdm/shared';
import { type Context, Hono } from 'hono';
import {
  acceptConversation,
  declineConversation,
  hideDirect,
  markRead,
  setMuted,
} from '../../conversation-store/member-state.ts';
import { requireMembership } from '../../conversation-store/membership.ts';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../lib/api-error.ts';
import { reportLimit } from '../../lib/limits.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { conversationDeliveries, readDeliveries, unreadDeliveries } from '../../live/audiences.ts';
import { publishLater } from '../../live/publish.ts';
import { announceChange } from '../groups/announce-change.ts';
import { leaveGroup } from '../groups/service.ts';
import { fileReport } from '../moderation/report-filing.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';

/**
 * The member's new unread counts, to their own devices. Read after the response (`publishLater`): the
 * write is stored by then, and a fault in this read must cost a live event, not a 503 for a done write.
 */
function announceCounts(c: Context<AppEnv>, userId: string) {
  publishLater(c.env, c.executionCtx, unreadDeliveries(c.get('db'), [userId]));
}

/** Muting moves the conversation in or out of the inbox badge, so the member's devices get new counts. */
async function mute(c: Context<AppEnv>, id: string, muted: boolean) {
  const db = c.get('db');
  const userId = c.get('userId');
  await requireMembership(db, id, userId);
  await setMuted(db, id, userId, muted);
  announceCounts(c, userId);
}

/** What a member does with a conversation, mounted at `/v1/conversations/:id`: accept, decline, report, read, mute, leave. */
export const triageRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .post(
    '/accept',
    documentRoute({
      tag: 'Conversations',
      summary: 'Accept a request',
      caller: 'user',
      success: { 200: json(conversationSchema, 'The conversation, now in the inbox') },
      errors: [400, 404],
    }),
    validate('param', idParam),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const { id } = c.req.valid('param');
      // No membership check of its own: the update only moves the caller's own request or declined row, and
      // the view read in the same batch is empty for anyone who may not see the conversation (`canSee`).
      const { view, rows } = await acceptConversation(db, id, userId);
      if (!view) throw notFound('No such conversation');
      // Everyone who sees the conversation gets their new view: read receipts may now show both ways.
      const shown = rows.filter((m) => m.state === 'accepted' && !m.hidden).map((m) => m.userId);
      const own = shown.includes(userId)
        ? [{ userId, event: { type: 'conversation' as const, conversation: view } }]
        : [];
      // The others' views and the viewer's counts are read after the response, for the live events only.
      const events = Promise.all([
        conversationDeliveries(
          db,
          id,
          shown.filter((memberId) => memberId !== userId),
        ),
        unreadDeliveries(db, [userId]),
      ]).then(([deliveries, unread]) => [...own, ...deliveries, ...unread]);
      publishLater(c.env, c.executionCtx, events);
      return c.json(view, 200);
    },
  )
  .post(
    '/decline',
    documentRoute({
      tag: 'Conversations',
      summary: 'Decline a request',
      caller: 'user',
      success: { 204: noContent('Declined') },
      errors: [400, 404],
    }),
    validate('param', idParam),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const { id } = c.req.valid('param');
      await requireMembership(db, id, userId);
      await declineConversation(db, id, userId);
      announceCounts(c, userId);
      return c.body(null, 204);
    },
  )
  .post(
    '/report',
    documentRoute({
      tag: 'Conversations',
      summary: 'Report a conversation (optionally block)',
      caller: 'user',
      success: { 201: json(reportFiledSchema, 'The report') },
      errors: [400, 404, 413, 429],
    }),
    validate('param', idParam),
    validate('json', reportBody),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const { id } = c.req.valid('param');
      const membership = await requireMembership(db, id, userId);
      const body = c.req.valid('json');
      const reportId = await fileReport(db, userId, membership, body, reportLimit(c.env, userId));
      announceCounts(c, userId);
      return c.json({ reportId }, 201);
    },
  )
  .post(
    '/read',
    documentRoute({
      tag: 'Conversations',
      summary: 'Mark read up to a seq',
      caller: 'user',
      success: { 204: noContent('Marked') },
      errors: [400, 404, 413],
    }),
    validate('param', idParam),
    validate('json', readBody),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const { id } = c.req.valid('param');
      const membership = await requireMembership(db, id, userId);
      const seq = await markRead(db, id, userId, c.req.valid('json').seq);
      // Who sees the receipt is read after the response, for the live events only.
      if (seq > membership.member.lastReadSeq) {
        publishLater(c.env, c.executionCtx, readDeliveries(db, id, userId, seq));
      }
      return c.body(null, 204);
    },
  )
  .put(
    '/mute',
    documentRoute({
      tag: 'Conversations',
      summary: 'Mute',
      caller: 'user',
      success: { 204: noContent('Muted') },
      errors: [400, 404],
    }),
    validate('param', idParam),
    async (c) => {
      await mute(c, c.req.valid('param').id, true);
      return c.body(null, 204);
    },
  )
  .delete(
    '/mute',
    documentRoute({
      tag: 'Conversations',
      summary: 'Unmute',
      caller: 'user',
      success: { 204: noContent('Unmuted') },
      errors: [400, 404],
    }),
    validate('param', idParam),
    async (c) => {
      await mute(c, c.req.valid('param').id, false);
      return c.body(null, 204);
    },
  )
  .post(
    '/leave',
    documentRoute({
      tag: 'Conversations',
      summary: 'Leave a group, or hide a direct conversation',
      caller: 'user',
      success: { 204: noContent('Left') },
      errors: [400, 404],
    }),
    validate('param', idParam),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const { id } = c.req.valid('param');
      const membership = await requireMembership(db, id, userId);
      if (membership.conversation.kind === 'group') {
        const { change, gone } = await leaveGroup(db, membership, userId);
        announceChange(c, change, gone);
        return c.body(null, 204);
      }
      await hideDirect(db, id, userId);
      announceCounts(c, userId);
      return c.body(null, 204);
    },
  );
