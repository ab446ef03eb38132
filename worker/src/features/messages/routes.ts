import {
  idParam,
  messagePageSchema,
  messageSchema,
  messagesQuery,
  parseVideoHosts,
  parseVideoUrl,
  sendMessageBody,
} from '@clipdm/shared';
import { Hono } from 'hono';
import { messagePage } from '../../conversation-store/history.ts';
import { assertQuotable } from '../../conversation-store/quotable.ts';
import { sendContext } from '../../conversation-store/send-context.ts';
import type { AppEnv, Env } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { limitsOf } from '../../lib/config.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { publishLater } from '../../live/publish.ts';
import { documentRoute, json } from '../openapi/describe.ts';
import { enrichVideo } from '../videos/oembed.ts';
import { sendMessage } from './service.ts';

function invalid(what: string, path: string, reason: string): ApiError {
  return new ApiError('invalid_request', what, { details: { issues: [{ path, message: reason }] } });
}

/**
 * What a send stores: text within `LIMIT_MESSAGE_LENGTH` (the schema holds the contract's 2000; an
 * operator may set less), or a video URL of the video site — any other URL is a 400.
 */
function contentOf(body: { text?: string; video?: { url: string } }, env: Env) {
  if (body.video) {
    const parsed = parseVideoUrl(body.video.url, parseVideoHosts(env.VIDEO_HOSTS));
    if (!parsed)
      throw invalid(
        'That is not a video link of the video site',
        'video.url',
        'not a video URL of the video site',
      );
    const video = { url: parsed.url, videoId: parsed.videoId, authorHandle: parsed.authorHandle };
    return { kind: 'video' as const, text: null, video };
  }
  const max = limitsOf(env).messageLength;
  if ((body.text ?? '').length > max)
    throw invalid('The text is too long', 'text', `at most ${max} characters`);
  return { kind: 'text' as const, text: body.text ?? null, video: null };
}

/** Messages of one conversation, mounted at `/v1/conversations/:id/messages`. */
export const messageRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get(
    '/',
    documentRoute({
      tag: 'Messages',
      summary: 'Message history, by seq',
      caller: 'user',
      success: { 200: json(messagePageSchema, 'One page') },
      errors: [400, 404],
    }),
    validate('param', idParam),
    validate('query', messagesQuery),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const page = await messagePage(
        db,
        { conversationId: c.req.valid('param').id, userId },
        c.req.valid('query'),
      );
      if (!page) throw notFound('No such conversation');
      return c.json({ messages: page.messages, hasMore: page.hasMore }, 200);
    },
  )
  .post(
    '/',
    documentRoute({
      tag: 'Messages',
      summary: 'Send a message (idempotent by clientId)',
      caller: 'user',
      success: {
        200: json(messageSchema, 'The message first stored with this clientId'),
        201: json(messageSchema, 'The stored message'),
      },
      errors: [400, 403, 404, 413, 429],
    }),
    validate('param', idParam),
    validate('json', sendMessageBody),
    async (c) => {
      const db = c.get('db');
      const userId = c.get('userId');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const context = await sendContext(db, id, userId, body.clientId);
      const content = contentOf(body, c.env);
      // A retried send (same clientId) answers the stored message as it is: its quote is not checked again.
      if (body.replyTo && !context.earlier) await assertQuotable(db, id, userId, body.replyTo);
      const sent = await sendMessage(db, c.env, userId, context, {
        clientId: body.clientId,
        ...content,
        replyToId: body.replyTo ?? null,
      });
      if (sent.created) publishLater(c.env, c.executionCtx, sent.deliveries());
      if (sent.created && content.video) c.executionCtx.waitUntil(enrichVideo(c.env, db, content.video.url));
      return c.json(sent.message, sent.created ? 201 : 200);
    },
  );
