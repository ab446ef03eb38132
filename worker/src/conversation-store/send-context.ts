import { and, eq, exists, ne, sql } from 'drizzle-orm';
import { queryTemplate, type Value } from '../db/query-templates.ts';
import { runAsTransaction } from '../db/raw-batch.ts';
import { conversations, members, messages } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { type RecipientFactRows, recipientFactQueries } from '../features/conversations/dm-policy-facts.ts';
import { notFound } from '../lib/api-error.ts';
import { canSeeRow, type Membership } from './membership.ts';
import type { MessageRow } from './message-rows.ts';
import { byClientIdQuery } from './send.ts';

/** What a send needs to know before it writes, read in one batch (one D1 round trip). */
export interface SendContext {
  membership: Membership;
  /** Every member row of the conversation (any state), before the send. */
  members: (typeof members.$inferSelect)[];
  /** The sender's earlier message with this clientId (a retried send). */
  earlier: MessageRow | undefined;
  /** How many messages the sender has here, counted up to 100: what the request limit (a handful) needs. */
  sentBySender: number;
  /** The policy facts of the sender, and of the other member when the conversation is direct. */
  facts: RecipientFactRows;
}

/**
 * The sender's messages in the conversation, counted up to 100 so a long chat costs no long scan (a range
 * of messages_client_id_unique). The request limit compares it with a handful; the insert's own guard
 * (`maxFromSender`) is the exact check, so a cap cannot let a message through.
 */
function sentBySenderQuery(db: Db, conversationId: Value, senderId: Value) {
  const mine = db
    .select({ one: sql`1` })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.senderId, senderId)))
    .limit(100)
    .as('mine');
  return db.select({ n: sql<number>`count(*)` }).from(mine);
}

/** The other member of a direct conversation (no one in a group): the recipient the policy is about. */
function directRecipient(db: Db, conversationId: Value, senderId: Value) {
  const direct = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.kind, 'direct')));
  return db
    .select({ id: members.userId })
    .from(members)
    .where(and(eq(members.conversationId, conversationId), ne(members.userId, senderId), exists(direct)));
}

/** The queries behind `sendContext`, in its order. */
export function sendContextQueries(db: Db, conversationId: Value, senderId: Value, clientId: Value) {
  return [
    db.select().from(conversations).where(eq(conversations.id, conversationId)).limit(1),
    db.select().from(members).where(eq(members.conversationId, conversationId)),
    byClientIdQuery(db, conversationId, senderId, clientId),
    sentBySenderQuery(db, conversationId, senderId),
    ...recipientFactQueries(db, senderId, directRecipient(db, conversationId, senderId)),
  ] as const;
}

/** `sendContextQueries`, built once: a send only fills in its conversation, sender and clientId. */
const sendContextTemplate = queryTemplate((db) =>
  sendContextQueries(
    db,
    sql.placeholder('conversationId'),
    sql.placeholder('senderId'),
    sql.placeholder('clientId'),
  ),
);

/**
 * The sender's membership, the members, an earlier message with this clientId and the policy facts, in
 * one batch; `404 not_found` unless the sender may see the conversation (the rule of `canSee`).
 */
export async function sendContext(
  db: Db,
  conversationId: string,
  senderId: string,
  clientId: string,
): Promise<SendContext> {
  const [conversationRows, memberRows, earlierRows, sentRows, ...facts] = await runAsTransaction(
    db,
    sendContextTemplate.fill({ conversationId, senderId, clientId }),
  );
  const conversation = conversationRows[0];
  const member = memberRows.find((m) => m.userId === senderId);
  if (!conversation || !member || !canSeeRow(member.state, conversation.kind))
    throw notFound('No such conversation');
  return {
    membership: { member, conversation },
    members: memberRows,
    earlier: earlierRows[0],
    sentBySender: Number(sentRows[0]?.n ?? 0),
    facts,
  };
}
