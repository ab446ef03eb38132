import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

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
