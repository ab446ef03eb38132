import type { Message } from '@clipdm/shared';
import { and, asc, desc, eq, gt, lt, not, notExists, sql } from 'drizzle-orm';
import { queryTemplate, type Value } from '../db/query-templates.ts';
import { runAsTransaction } from '../db/raw-batch.ts';
import { conversations, hiddenMessages, members, messages } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { hiddenByBlock } from './block-hiding.ts';
import { canSee, visibleMemberQuery } from './membership.ts';
import { selectMessages, toMessage } from './message-rows.ts';
import { reactionSummariesQuery, reactionsByMessage } from './reactions.ts';

/** Who reads which conversation; the page query checks, by itself, that they may. */
export interface Reader {
  conversationId: Value;
  userId: Value;
}

/** Which page: the newest, or before or after a seq; `take` rows (one more than the page, to tell `hasMore`). */
export interface PageWindow {
  before?: Value<number>;
  after?: Value<number>;
  take: Value<number>;
}

/**
 * The query behind `messagePage`, served by messages_conversation_seq_unique. It joins the reader's own
 * member row, so it reads nothing for someone who may not see the conversation (`canSee`), and nothing
 * from before they joined (`joined_seq`).
 */
export function messagePageQuery(db: Db, reader: Reader, page: PageWindow) {
  return selectMessages(db)
    .innerJoin(
      members,
      and(eq(members.conversationId, messages.conversationId), eq(members.userId, reader.userId)),
    )
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.conversationId, reader.conversationId),
        canSee,
        gt(messages.seq, members.joinedSeq),
        page.before !== undefined ? lt(messages.seq, page.before) : undefined,
        page.after !== undefined ? gt(messages.seq, page.after) : undefined,
        notExists(
          db
            .select({ one: hiddenMessages.messageId })
            .from(hiddenMessages)
            .where(and(eq(hiddenMessages.userId, reader.userId), eq(hiddenMessages.messageId, messages.id))),
        ),
        // In a group, nothing from someone the reader blocks or is blocked by.
        not(
          hiddenByBlock({
            viewerId: reader.userId,
            senderId: messages.senderId,
            messageKind: messages.kind,
            conversationKind: conversations.kind,
          }),
        ),
      ),
    )
    .orderBy(page.after !== undefined ? asc(messages.seq) : desc(messages.seq))
    .limit(page.take);
}

/** The page's batch: the reader's membership, the page, and the page's reactions. */
function messagePageQueries(db: Db, reader: Reader, page: PageWindow) {
  const query = messagePageQuery(db, reader, page);
  const pageIds = query.as('page');
  return [
    visibleMemberQuery(db, reader.conversationId, reader.userId),
    query,
    reactionSummariesQuery(db, reader.userId, db.select({ id: pageIds.id }).from(pageIds)),
  ] as const;
}

/** `messagePageQueries` built once per kind of page (newest, before, after): a read only fills in its values. */
function pageTemplate(bound?: 'before' | 'after') {
  return queryTemplate((db) =>
    messagePageQueries(
      db,
      { conversationId: sql.placeholder('conversationId'), userId: sql.placeholder('userId') },
      { ...(bound ? { [bound]: sql.placeholder(bound) } : {}), take: sql.placeholder('take') },
    ),
  );
}
const pageTemplates = {
  newest: pageTemplate(),
  before: pageTemplate('before'),
  after: pageTemplate('after'),
};

/**
 * One page of messages in ascending seq: the newest page, or the one before/after a seq. Messages the
 * reader hid, and those from before they joined, are left out. `undefined` when the reader may not see
 * the conversation: the membership query in the same batch tells that apart from an empty page.
 */
export async function messagePage(
  db: Db,
  reader: { conversationId: string; userId: string },
  page: { before?: number; after?: number; limit: number },
): Promise<{ messages: Message[]; hasMore: boolean } | undefined> {
  const kind = page.after !== undefined ? 'after' : page.before !== undefined ? 'before' : 'newest';
  const [member, rows, reactionRows] = await runAsTransaction(
    db,
    pageTemplates[kind].fill({ ...reader, before: page.before, after: page.after, take: page.limit + 1 }),
  );
  if (member.length === 0) return undefined;
  const hasMore = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  const reactionsOf = reactionsByMessage(reactionRows);
  const messages = kept.map((row) => toMessage(row, reader.userId, reactionsOf.get(row.id) ?? []));
  return { messages: page.after !== undefined ? messages : messages.reverse(), hasMore };
}
