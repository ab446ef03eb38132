import type { Reaction } from '@clipdm/shared';
import { and, eq, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import type { Value } from '../db/query-templates.ts';
import { conversations, messages, reactions } from '../db/schema.ts';
import type { Db } from '../env.ts';

/**
 * The query behind `reactionSummaries`: reaction counts per message, with `mine` for the viewer's own.
 * `messageIds` may be a subquery, so a page and its reactions go to D1 in one batch.
 */
export function reactionSummariesQuery(db: Db, viewerId: Value, messageIds: string[] | SQLWrapper) {
  return db
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
}

/** The rows of `reactionSummariesQuery` as each message's `reactions`. */
export function reactionsByMessage(
  rows: Awaited<ReturnType<typeof reactionSummariesQuery>>,
): Map<string, Reaction[]> {
  const byMessage = new Map<string, Reaction[]>();
  for (const row of rows) {
    const list = byMessage.get(row.messageId) ?? [];
    list.push({ emoji: row.emoji, count: Number(row.count), mine: Number(row.mine) === 1 });
    byMessage.set(row.messageId, list);
  }
  return byMessage;
}

/** Reaction counts per message for a page of messages, with `mine` for the viewer's own, in one query. */
export async function reactionSummaries(
  db: Db,
  viewerId: string,
  messageIds: string[],
): Promise<Map<string, Reaction[]>> {
  if (messageIds.length === 0) return new Map();
  return reactionsByMessage(await reactionSummariesQuery(db, viewerId, messageIds));
}

export type ReactionRow = { userId: string; emoji: string };

/** Every reaction on one message, as raw rows (who, which emoji). */
export function reactionRowsOf(db: Db, messageId: string) {
  return db
    .select({ userId: reactions.userId, emoji: reactions.emoji })
    .from(reactions)
    .where(eq(reactions.messageId, messageId));
}

/** Every reaction on a conversation's last message, as raw rows. */
export function lastMessageReactions(db: Db, conversationId: Value) {
  return db
    .select({ userId: reactions.userId, emoji: reactions.emoji })
    .from(reactions)
    .innerJoin(messages, eq(messages.id, reactions.messageId))
    .innerJoin(
      conversations,
      and(eq(conversations.id, messages.conversationId), eq(messages.seq, conversations.lastSeq)),
    )
    .where(eq(conversations.id, conversationId));
}

/**
 * The `Message.reactions` one viewer sees, from the raw rows: counts per emoji, most used first (ties by
 * emoji), with `mine` for the viewer's own — the same order `reactionSummaries()` gives.
 */
export function summarizeReactions(rows: ReactionRow[], viewerId: string): Reaction[] {
  const byEmoji = new Map<string, Reaction>();
  for (const row of rows) {
    const entry = byEmoji.get(row.emoji) ?? { emoji: row.emoji, count: 0, mine: false };
    entry.count += 1;
    if (row.userId === viewerId) entry.mine = true;
    byEmoji.set(row.emoji, entry);
  }
  return [...byEmoji.values()].sort((a, b) =>
    b.count !== a.count ? b.count - a.count : a.emoji < b.emoji ? -1 : a.emoji > b.emoji ? 1 : 0,
  );
}
