import type { Message } from '@clipdm/shared';
import { toMessage } from '../../conversation-store/message-rows.ts';
import { type InsertOptions, insertMessage, type NewMessage } from '../../conversation-store/send.ts';
import type { SendContext } from '../../conversation-store/send-context.ts';
import type { Db, Env } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { limitsOf } from '../../lib/config.ts';
import { newRequestLimit, sendLimit } from '../../lib/limits.ts';
import {
  admit,
  limitStatements,
  overLimitName,
  rateLimited,
  retryAfterSeconds,
} from '../../lib/rate-limits.ts';
import { messageDeliveries } from '../../live/audiences.ts';
import type { Delivery } from '../../live/publish.ts';
import {
  assertDmsAvailable,
  denialError,
  requireDirectAllowedFrom,
} from '../conversations/dm-policy-checks.ts';
import { senderPartyOf } from '../conversations/dm-policy-facts.ts';

type Content = Pick<NewMessage, 'kind' | 'text' | 'video' | 'replyToId'> & { clientId: string };

/** Counts one new request conversation opened by `senderId`: at most `newRequestsPerDay` a day. */
export async function countNewRequest(db: Db, env: Env, senderId: string) {
  await admit(db, newRequestLimit(env, senderId), 'Too many new message requests today');
}

const requestLimit = () =>
  new ApiError('request_limit', 'You can send more once they accept your message request');

/**
 * The DM policy for a message into a direct conversation (rules 1–7): throws the denial, and says
 * whether the recipient's status is still pending (the 3-message limit) and whether this message
 * promotes it to accepted (rule 6 with a follow that happened since).
 */
async function directRules(
  db: Db,
  env: Env,
  context: SendContext,
  senderId: string,
  others: { userId: string; state: string }[],
) {
  const other = others[0];
  if (!other) throw denialError('cannot_message');
  const decision = requireDirectAllowedFrom(senderId, other, context.facts);
  const options: InsertOptions = {};
  const promoted = other.state === 'request' && decision.status === 'accepted';
  if (promoted) options.promote = { userId: other.userId, status: 'accepted' };
  if (other.state !== 'accepted' && !promoted) {
    const limits = limitsOf(env);
    // Read in the send's first batch (`sendContext`), not in a round trip of its own.
    const sent = context.sentBySender;
    if (sent >= limits.messagesBeforeAccept) throw requestLimit();
    options.maxFromSender = limits.messagesBeforeAccept;
    // The first message of a request opens a new request conversation.
    if (sent === 0) await countNewRequest(db, env, senderId);
  }
  return options;
}

/**
 * Sends a message as `senderId` into a conversation they are a member of (`context`, from
 * `sendContext`): a retried clientId returns the first message; otherwise the policy, the request limit
 * and the rate limits decide, and the insert assigns the seq. The per-minute rate limit is counted in
 * the insert's own transaction, whose insert it guards. Returns the sender's view of the message and the
 * live events to publish, worked out only when called (after the response, in `waitUntil`).
 */
export async function sendMessage(
  db: Db,
  env: Env,
  senderId: string,
  context: SendContext,
  content: Content,
): Promise<{ message: Message; created: boolean; deliveries: () => Promise<Delivery[]> }> {
  const none = async (): Promise<Delivery[]> => [];
  const { membership, members: before, earlier } = context;
  const conversationId = membership.conversation.id;
  if (earlier) return { message: toMessage(earlier, senderId), created: false, deliveries: none };
  let options: InsertOptions = {};
  if (membership.conversation.kind === 'direct') {
    const others = before.filter((m) => m.userId !== senderId);
    options = await directRules(db, env, context, senderId, others);
  } else {
    assertDmsAvailable(senderPartyOf(context.facts));
  }
  // The per-minute limit is counted and checked in the insert's own transaction: over it, nothing is kept.
  const limit = sendLimit(env, senderId);
  const written = await insertMessage(
    db,
    { conversationId, senderId, ...content },
    options,
    limitStatements(limit),
  ).catch(async (error: unknown) => {
    if (overLimitName(error) !== limit.name) throw error;
    throw rateLimited('Too many messages', await retryAfterSeconds(db, limit));
  });
  const { stored, after } = written;
  if (!stored) throw requestLimit();
  const message = toMessage(stored.row, senderId);
  if (!stored.created) return { message, created: false, deliveries: none };
  const { hiddenFrom } = written;
  return {
    message,
    created: true,
    deliveries: () => messageDeliveries(db, stored.row, before, { after, hiddenFrom }),
  };
}
