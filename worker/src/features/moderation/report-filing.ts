import type { reportBody } from '@clipdm/shared';
import { and, desc, eq, gt, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { members, messages, reports } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { newId } from '../../lib/ids.ts';
import { declineStatement } from '../conversations/member-state-queries.ts';
import type { Membership } from '../conversations/queries.ts';
import { selectMessages, toMessage } from '../messages/message-rows.ts';
import { blockStatements } from '../people/follow-block-queries.ts';

/**
 * Files a report on a conversation, keeping a copy of the reported messages (the given ids, or else the
 * last 20 from the others) so unsending cannot erase the evidence. Reporting a request also declines it;
 * `block` blocks the other member of a direct conversation.
 */
export async function fileReport(
  db: Db,
  reporterId: string,
  membership: Membership,
  input: z.infer<typeof reportBody>,
): Promise<string> {
  const conversationId = membership.conversation.id;
  // Only what the reporter can read: nothing from before they joined.
  const inConversation = and(
    eq(messages.conversationId, conversationId),
    gt(messages.seq, membership.member.joinedSeq),
  );
  const [rows, others] = await db.batch([
    input.messageIds && input.messageIds.length > 0
      ? selectMessages(db)
          .where(and(inConversation, inArray(messages.id, input.messageIds)))
          .orderBy(messages.seq)
      : selectMessages(db)
          .where(and(inConversation, ne(messages.senderId, reporterId)))
          .orderBy(desc(messages.seq))
          .limit(20),
    db
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.conversationId, conversationId), ne(members.userId, reporterId))),
  ]);
  const copies = rows
    .sort((a, b) => a.seq - b.seq)
    .map((row) => ({ ...toMessage(row, reporterId), clientId: null }));
  const direct = membership.conversation.kind === 'direct';
  const other = direct ? (others[0]?.userId ?? null) : null;
  // The reported person is whoever sent the reported messages: chosen ones of only the reporter's own name
  // no one. Without a choice, a direct conversation reports the other member.
  const chosen = input.messageIds && input.messageIds.length > 0;
  const reportedUserId =
    rows.find((r) => r.senderId !== reporterId && r.kind !== 'event')?.senderId ?? (chosen ? null : other);
  const id = newId();
  // The report, and the decline and block it brings, land together or not at all.
  await db.batch([
    db.insert(reports).values({
      id,
      reporterId,
      reportedUserId,
      conversationId,
      reason: input.reason,
      note: input.note || null,
      messagesJson: JSON.stringify(copies),
    }),
    ...(membership.member.state === 'request' ? [declineStatement(db, conversationId, reporterId)] : []),
    ...(input.block && other ? blockStatements(db, reporterId, other) : []),
  ]);
  return id;
}
