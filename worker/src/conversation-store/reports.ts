import { and, desc, eq, gt, inArray, ne } from 'drizzle-orm';
import { members, messages } from '../db/schema.ts';
import type { Db } from '../env.ts';
import type { Membership } from './membership.ts';
import { selectMessages } from './message-rows.ts';

/**
 * What a report on a conversation reads, for one batch: the messages it copies (the given ids, or else the
 * last 20 from the others) and the reporter's fellow members (the other one of a direct conversation is
 * whom it reports and may block).
 */
export function reportEvidenceQueries(
  db: Db,
  reporterId: string,
  membership: Membership,
  messageIds: string[] | undefined,
) {
  const conversationId = membership.conversation.id;
  // Only what the reporter can read: nothing from before they joined.
  const inConversation = and(
    eq(messages.conversationId, conversationId),
    gt(messages.seq, membership.member.joinedSeq),
  );
  return [
    messageIds && messageIds.length > 0
      ? selectMessages(db)
          .where(and(inConversation, inArray(messages.id, messageIds)))
          .orderBy(messages.seq)
      : selectMessages(db)
          .where(and(inConversation, ne(messages.senderId, reporterId)))
          .orderBy(desc(messages.seq))
          .limit(20),
    db
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.conversationId, conversationId), ne(members.userId, reporterId))),
  ] as const;
}
