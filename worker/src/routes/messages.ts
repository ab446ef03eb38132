import { messagesQuery, parseVideoHosts, parseVideoUrl, sendMessageBody } from '@clipdm/shared';
import { Hono } from 'hono';
import { requireMembership } from '../db/conversations.ts';
import { toMessages } from '../db/message-view.ts';
import { messagePage } from '../db/messages.ts';
import { sendMessage } from '../db/send-message.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../lib/api-error.ts';
import { enrichVideo } from '../lib/oembed.ts';
import { requireAuth } from '../lib/require-auth.ts';
import { validate } from '../lib/validate.ts';
import { publish } from '../live/publish.ts';
import { idParam } from './conversations.ts';

/** A shared video must be one of the video site's URLs; anything else is a 400. */
function videoOf(url: string, hostsCsv: string) {
  const parsed = parseVideoUrl(url, parseVideoHosts(hostsCsv));
  if (!parsed) {
    throw new ApiError('invalid_request', 'That is not a video link of the video site', {
      details: { issues: [{ path: 'video.url', message: 'not a video URL of the video site' }] },
    });
  }
  return { url: parsed.url, videoId: parsed.videoId, authorHandle: parsed.authorHandle };
}

/** Messages of one conversation, mounted at `/v1/conversations`. */
export const messageRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get('/:id/messages', validate('param', idParam), validate('query', messagesQuery), async (c) => {
    const db = c.get('db');
    const userId = c.get('userId');
    const { id } = c.req.valid('param');
    const { member } = await requireMembership(db, id, userId);
    const page = await messagePage(db, member, c.req.valid('query'));
    return c.json({ messages: await toMessages(db, userId, page.rows), hasMore: page.hasMore }, 200);
  })
  .post('/:id/messages', validate('param', idParam), validate('json', sendMessageBody), async (c) => {
    const db = c.get('db');
    const userId = c.get('userId');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const membership = await requireMembership(db, id, userId);
    const video = body.video ? videoOf(body.video.url, c.env.VIDEO_HOSTS) : null;
    const sent = await sendMessage(db, c.env, userId, membership, {
      clientId: body.clientId,
      kind: video ? 'video' : 'text',
      text: video ? null : body.text,
      video,
    });
    publish(c.env, c.executionCtx, sent.deliveries);
    if (sent.created && video) c.executionCtx.waitUntil(enrichVideo(c.env, db, video.url));
    return c.json(sent.message, sent.created ? 201 : 200);
  });
