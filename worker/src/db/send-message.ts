import type { Message } from '@clipdm/shared';
import type { Db, Env } from '../env.ts';
import { ApiError } from '../lib/api-error.ts';
import { limitsOf } from '../lib/config.ts';
import type { Delivery } from '../live/publish.ts';
import { messageDeliveries } from './conversation-events.ts';
import { type Membership, memberRows } from './conversations.ts';
import { toMessage } from './message-view.ts';
import {
  countFromSender,
  findByClientId,
  type InsertOptions,
  insertMessage,
  type NewMessage,
} from './messages.ts';
import { denialError, requireDirectAllowed, requireDmsAvailable } from './policy-facts.ts';
import { hit } from './rate-limits.ts';

type Content = Pick<NewMessage, 'kind' | 'text' | 'video'> & { clientId: string };

function rateLimited(retryAfter: number, what: string): ApiError {
  return new ApiError('rate_limited', what, {
    headers: { 'Retry-After': String(Math.max(1, retryAfter)) },
    details: { retryAfter: Math.max(1, retryAfter) },
  });
}

/** Counts one new request conversation opened by `senderId`: at most `newRequestsPerDay` a day. */
export async function countNewRequest(db: Db, env: Env, senderId: string) {
  const day = await hit(db, `new-requests:${senderId}`, 24 * 60 * 60);
  if (day.count > limitsOf(env).newRequestsPerDay) {
    throw rateLimited(day.retryAfter, 'Too many new message requests today');
  }
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
  conversationId: string,
  senderId: string,
  others: { userId: string; state: string }[],
) {
  const other = others[0];
  if (!other) throw denialError('cannot_message');
  const decision = await requireDirectAllowed(db, senderId, other);
  const options: InsertOptions = {};
  const promoted = other.state === 'request' && decision.status === 'accepted';
  if (promoted) options.promote = { userId: other.userId, status: 'accepted' };
  if (other.state !== 'accepted' && !promoted) {
    const limits = limitsOf(env);
    const sent = await countFromSender(db, conversationId, senderId);
    if (sent >= limits.messagesBeforeAccept) throw requestLimit();
    options.maxFromSender = limits.messagesBeforeAccept;
    // The first message of a request opens a new request conversation.
    if (sent === 0) await countNewRequest(db, env, senderId);
  }
  return options;
}

/**
 * Sends a message as `senderId` into a conversation they are a member of: a retried clientId returns
 * the first message; otherwise the policy, the request limit and the rate limits decide, and the insert
 * assigns the seq. Returns the sender's view of the message and the live events to publish.
 */
export async function sendMessage(
  db: Db,
  env: Env,
  senderId: string,
  membership: Membership,
  content: Content,
): Promise<{ message: Message; created: boolean; deliveries: Delivery[] }> {
  const conversationId = membership.conversation.id;
  const [earlier, before] = await Promise.all([
    findByClientId(db, conversationId, senderId, content.clientId),
    memberRows(db, conversationId),
  ]);
  if (earlier) return { message: toMessage(earlier, senderId), created: false, deliveries: [] };
  let options: InsertOptions = {};
  if (membership.conversation.kind === 'direct') {
    const others = before.filter((m) => m.userId !== senderId);
    options = await directRules(db, env, conversationId, senderId, others);
  } else {
    await requireDmsAvailable(db, senderId);
  }
  const minute = await hit(db, `send:${senderId}`, 60);
  if (minute.count > limitsOf(env).messagesPerMinute)
    throw rateLimited(minute.retryAfter, 'Too many messages');
  const stored = await insertMessage(db, { conversationId, senderId, ...content }, options);
  if (!stored) throw requestLimit();
  const message = toMessage(stored.row, senderId);
  if (!stored.created) return { message, created: false, deliveries: [] };
  return { message, created: true, deliveries: await messageDeliveries(db, stored.row, before) };
}
