import { dmsAvailable, reactionBody } from '@clipdm/shared';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { memberRows } from '../db/conversations.ts';
import {
  findMessageForMember,
  hideMessage,
  type MemberMessage,
  type ReactionRow,
  removeReaction,
  setReaction,
  summarizeReactions,
  unsendMessage,
} from '../db/message-actions.ts';
import { decideEach, partyOfUser } from '../db/policy-facts.ts';
import type { AppEnv, Db } from '../env.ts';
import { ApiError, notFound } from '../lib/api-error.ts';
import { requireAuth } from '../lib/require-auth.ts';
import { validate } from '../lib/validate.ts';
import { publish } from '../live/publish.ts';

const idParam = z.object({ id: z.string().min(1).max(64) });

/** The message if the caller is a member of its conversation; everyone else gets the same 404. */
async function visibleMessage(c: Context<AppEnv>, id: string): Promise<MemberMessage> {
  const message = await findMessageForMember(c.get('db'), c.get('userId'), id);
  if (!message) throw notFound('No such message');
  return message;
}

/**
 * Reacting is a way of messaging, so it follows the DM policy: only to live chat messages, only once the
 * caller has accepted the conversation, and only while they could send there — in a direct conversation
 * the policy towards the other member (blocks, suspension, `no_one`…), in a group their own account's
 * standing (groups check the policy when members are added).
 */
async function assertMayReact(db: Db, viewerId: string, message: MemberMessage) {
  if (message.kind === 'event' || message.unsentAt) throw notFound('No such message');
  if (message.viewerState !== 'accepted') {
    throw new ApiError('forbidden', 'Accept the request before reacting to it');
  }
  if (message.conversationKind === 'group') {
    const party = await partyOfUser(db, viewerId);
    if (!party || !dmsAvailable(party))
      throw new ApiError('dms_unavailable', 'Your account cannot use messages');
    return;
  }
  const other = (await memberRows(db, message.conversationId)).find((m) => m.userId !== viewerId);
  if (!other) throw new ApiError('cannot_message', 'You cannot message this account');
  const existing = new Map([
    [other.userId, other.state === 'accepted' ? ('accepted' as const) : ('request' as const)],
  ]);
  const decision = (await decideEach(db, viewerId, [other.userId], existing)).get(other.userId);
  if (!decision) throw new ApiError('cannot_message', 'You cannot message this account');
  if (!decision.allowed) {
    throw new ApiError(
      decision.denial,
      decision.denial === 'dms_unavailable'
        ? 'Your account cannot use messages'
        : 'You cannot message this account',
    );
  }
}

function publishReactions(
  c: Context<AppEnv>,
  message: MemberMessage,
  rows: ReactionRow[],
  audience: string[],
) {
  publish(
    c.env,
    c.executionCtx,
    audience.map((userId) => ({
      userId,
      event: {
        type: 'reaction',
        conversationId: message.conversationId,
        messageId: message.id,
        reactions: summarizeReactions(rows, userId),
      },
    })),
  );
}

export const messageActions = new Hono<AppEnv>()
  .use(requireAuth)
  // Unsend: only the sender. Other members see the message, so they get 403, not 404; non-members get 404.
  .delete('/:id', validate('param', idParam), async (c) => {
    const message = await visibleMessage(c, c.req.valid('param').id);
    if (message.senderId !== c.get('userId') || message.kind === 'event') {
      throw new ApiError('forbidden', 'Only the sender can unsend a message');
    }
    const { changed, audience } = await unsendMessage(c.get('db'), c.get('userId'), message);
    if (changed) {
      publish(
        c.env,
        c.executionCtx,
        audience.map((userId) => ({
          userId,
          event: {
            type: 'message_unsent',
            conversationId: message.conversationId,
            messageId: message.id,
            seq: message.seq,
          },
        })),
      );
    }
    return c.body(null, 204);
  })
  .post('/:id/hide', validate('param', idParam), async (c) => {
    const message = await visibleMessage(c, c.req.valid('param').id);
    await hideMessage(c.get('db'), c.get('userId'), message.id);
    return c.body(null, 204);
  })
  .put('/:id/reaction', validate('param', idParam), validate('json', reactionBody), async (c) => {
    const message = await visibleMessage(c, c.req.valid('param').id);
    await assertMayReact(c.get('db'), c.get('userId'), message);
    const { rows, audience } = await setReaction(
      c.get('db'),
      c.get('userId'),
      message,
      c.req.valid('json').emoji,
    );
    publishReactions(c, message, rows, audience);
    return c.body(null, 204);
  })
  .delete('/:id/reaction', validate('param', idParam), async (c) => {
    const message = await visibleMessage(c, c.req.valid('param').id);
    const { rows, audience } = await removeReaction(c.get('db'), c.get('userId'), message);
    publishReactions(c, message, rows, audience);
    return c.body(null, 204);
  });
