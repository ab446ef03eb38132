import { idParam, reactionBody, type StreamEvent } from '@clipdm/shared';
import { type Context, Hono } from 'hono';
import {
  findMessageForMember,
  hideMessage,
  type MemberMessage,
  removeReaction,
  setReaction,
  unsendMessage,
} from '../../conversation-store/message-actions.ts';
import { type ReactionRow, summarizeReactions } from '../../conversation-store/reactions.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { publish } from '../../live/publish.ts';
import { documentRoute, noContent } from '../openapi/describe.ts';
import { assertMayReact } from './reaction-policy.ts';

/** The message if the caller is a member of its conversation; everyone else gets the same 404. */
async function visibleMessage(c: Context<AppEnv>, id: string): Promise<MemberMessage> {
  const message = await findMessageForMember(c.get('db'), c.get('userId'), id);
  if (!message) throw notFound('No such message');
  return message;
}

/** Publishes one event to each member of `audience`, built for that member. */
function tell(c: Context<AppEnv>, audience: string[], eventFor: (userId: string) => StreamEvent) {
  publish(
    c.env,
    c.executionCtx,
    audience.map((userId) => ({ userId, event: eventFor(userId) })),
  );
}

/** Each member sees the new reaction counts with their own `mine`. */
function tellReactions(c: Context<AppEnv>, message: MemberMessage, rows: ReactionRow[], audience: string[]) {
  tell(c, audience, (userId) => ({
    type: 'reaction',
    conversationId: message.conversationId,
    messageId: message.id,
    reactions: summarizeReactions(rows, userId),
  }));
}

/** What a member does with one message, mounted at `/v1/messages/:id`: unsend, hide, react. */
export const messageIdRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  // Unsend: only the sender. Other members see the message, so they get 403, not 404; non-members get 404.
  .delete(
    '/',
    documentRoute({
      tag: 'Messages',
      summary: 'Unsend (sender only)',
      caller: 'user',
      success: { 204: noContent('Unsent') },
      errors: [400, 403, 404],
    }),
    validate('param', idParam),
    async (c) => {
      const message = await visibleMessage(c, c.req.valid('param').id);
      if (message.senderId !== c.get('userId') || message.kind === 'event') {
        throw new ApiError('forbidden', 'Only the sender can unsend a message');
      }
      const { changed, audience } = await unsendMessage(c.get('db'), c.get('userId'), message);
      if (changed) {
        const { conversationId, id: messageId, seq } = message;
        tell(c, audience, () => ({ type: 'message_unsent', conversationId, messageId, seq }));
      }
      return c.body(null, 204);
    },
  )
  .post(
    '/hide',
    documentRoute({
      tag: 'Messages',
      summary: 'Hide a message for the caller',
      caller: 'user',
      success: { 204: noContent('Hidden') },
      errors: [400, 404],
    }),
    validate('param', idParam),
    async (c) => {
      const message = await visibleMessage(c, c.req.valid('param').id);
      await hideMessage(c.get('db'), c.get('userId'), message.id);
      return c.body(null, 204);
    },
  )
  .put(
    '/reaction',
    documentRoute({
      tag: 'Messages',
      summary: 'React (one emoji per person)',
      caller: 'user',
      success: { 204: noContent('Reacted') },
      errors: [400, 403, 404, 413],
    }),
    validate('param', idParam),
    validate('json', reactionBody),
    async (c) => {
      const message = await visibleMessage(c, c.req.valid('param').id);
      await assertMayReact(c.get('db'), c.get('userId'), message);
      const { rows, audience } = await setReaction(
        c.get('db'),
        c.get('userId'),
        message,
        c.req.valid('json').emoji,
      );
      tellReactions(c, message, rows, audience);
      return c.body(null, 204);
    },
  )
  .delete(
    '/reaction',
    documentRoute({
      tag: 'Messages',
      summary: "Remove the caller's reaction",
      caller: 'user',
      success: { 204: noContent('Removed') },
      errors: [400, 403, 404],
    }),
    validate('param', idParam),
    async (c) => {
      const message = await visibleMessage(c, c.req.valid('param').id);
      const { rows, audience } = await removeReaction(c.get('db'), c.get('userId'), message);
      tellReactions(c, message, rows, audience);
      return c.body(null, 204);
    },
  );
