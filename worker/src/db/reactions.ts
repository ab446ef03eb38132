import type { Reaction } from '@clipdm/shared';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../env.ts';
import { reactions } from './schema.ts';

/** Reaction counts per message for a page of messages, with `mine` for the viewer's own, in one query. */
export async function reactionSummaries(
  db: Db,
  viewerId: string,
  messageIds: string[],
): Promise<Map<string, Reaction[]>> {
  const byMessage = new Map<string, Reaction[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select({
      messageId: reactions.messageId,
      emoji: reactions.emoji,
      count: sql<number>`count(*)`,
      mine: sql<number>`max(${reactions.userId} = ${viewerId})`,
    })
    .from(reactions)
    .where(inArray(reactions.messageId, messageIds))
    .groupBy(reactions.messageId, reactions.emoji)
    .orderBy(reactions.messageId, sql`count(*) desc`, reactions.emoji);
  for (const row of rows) {
    const list = byMessage.get(row.messageId) ?? [];
    list.push({ emoji: row.emoji, count: Number(row.count), mine: Number(row.mine) === 1 });
    byMessage.set(row.messageId, list);
  }
  return byMessage;
}
