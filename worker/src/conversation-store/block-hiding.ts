import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Value } from '../db/query-templates.ts';
import type { conversations } from '../db/schema.ts';

/**
 * Members who block each other (either way) both stay in a group they share, but neither is shown the
 * other's messages there: not in pages, previews, live events or unread counts. Member-change events stay
 * (they tell who is in the group). Direct conversations need none of this: a block stops sending there.
 *
 * This is the one condition every one of those places uses: true when a message must stay hidden from
 * `viewerId`. Each part is a value (bound) or a column/expression of the surrounding query.
 */
export function hiddenByBlock(parts: {
  viewerId: SQLWrapper | string;
  senderId: SQLWrapper | string;
  messageKind: SQLWrapper | string;
  conversationKind: SQLWrapper | string;
}): SQL {
  const { viewerId, senderId, messageKind, conversationKind } = parts;
  return sql`(${conversationKind} = 'group' and ${messageKind} <> 'event' and exists (select 1 from blocks hb
    where (hb.blocker_id = ${viewerId} and hb.blocked_id = ${senderId})
       or (hb.blocker_id = ${senderId} and hb.blocked_id = ${viewerId})))`;
}

/**
 * The seq of the newest message of a conversation (a `conversations` row of the surrounding query) that
 * `viewerId` may see: the last one, unless blocks in a group hide it — then the newest before it that
 * they do not hide. Walks messages_conversation_seq_unique backwards, and in practice stops at the first row.
 */
export function latestSeqSeenBy(viewerId: Value, conversation: typeof conversations): SQL {
  return sql`(select lm.seq from messages lm where lm.conversation_id = ${conversation.id} and not ${hiddenByBlock(
    {
      viewerId,
      senderId: sql`lm.sender_id`,
      messageKind: sql`lm.kind`,
      conversationKind: conversation.kind,
    },
  )} order by lm.seq desc limit 1)`;
}
