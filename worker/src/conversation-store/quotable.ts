import { and, eq, gt, ne, notExists } from 'drizzle-orm';
import { conversations, hiddenMessages, members, messages } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { ApiError } from '../lib/api-error.ts';
import { canSee } from './membership.ts';

/**
 * Checks that `replyTo` names a message of this conversation that the sender can see — the rule of a
 * page of messages: not before they joined, not one they hid, not a member-change line — else
 * `400 invalid_request` on `replyTo` (the same answer whether it is missing or elsewhere). One extra
 * read, only for replies: a plain send keeps its two round trips.
 */
export async function assertQuotable(db: Db, conversationId: string, senderId: string, replyTo: string) {
  const [found] = await db
    .select({ id: messages.id })
    .from(messages)
    .innerJoin(
      members,
      and(eq(members.conversationId, messages.conversationId), eq(members.userId, senderId)),
    )
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.id, replyTo),
        eq(messages.conversationId, conversationId),
        ne(messages.kind, 'event'),
        canSee,
        gt(messages.seq, members.joinedSeq),
        notExists(
          db
            .select({ one: hiddenMessages.messageId })
            .from(hiddenMessages)
            .where(and(eq(hiddenMessages.userId, senderId), eq(hiddenMessages.messageId, messages.id))),
        ),
      ),
    )
    .limit(1);
  if (!found)
    throw new ApiError('invalid_request', 'You can only reply to a message of this conversation', {
      details: { issues: [{ path: 'replyTo', message: 'not a message of this conversation you can see' }] },
    });
}
