import type { Conversation, ConversationEvent } from '@clipdm/shared';
import { eq, type SQL } from 'drizzle-orm';
import { writeThenRead } from '../db/raw-batch.ts';
import { rowOf } from '../db/raw-rows.ts';
import { members, messages } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { newId } from '../lib/ids.ts';
import { conversationViewQueries, viewsFromRows } from './conversation-views.ts';
import { type MessageRow, messageColumns, selectMessagesStatement } from './message-rows.ts';
import { sendStatements } from './send.ts';

/** Who made a member change: the event message names them. */
type Person = { id: string; handle: string };

/**
 * Applies member changes and stores the event message describing them ("alice added carol") in ONE
 * transaction, and reads back in that same transaction what comes after: the event message, every member
 * row (the live events' audience) and the actor's own view of the conversation (none once they left).
 * A fault fails all of it, so a change is either stored and answered or neither: no read after the commit
 * can turn a stored change into a 503. The changes are raw SQL statements (`group-membership.ts`, picked by
 * features/groups/service.ts) because they share one `runAsTransaction` batch, which drizzle cannot bind
 * (drizzle-orm#2277).
 */
export async function changeWithEvent(
  db: Db,
  conversationId: string,
  actor: Person,
  event: Omit<ConversationEvent, 'actor'>,
  changes: SQL[],
  before: SQL[] = [],
): Promise<GroupChange> {
  const id = newId();
  const now = new Date().toISOString();
  const input = {
    conversationId,
    senderId: actor.id,
    clientId: null,
    kind: 'event' as const,
    event: { ...event, actor },
  };
  const [stored, after, ...viewRows] = await writeThenRead(
    db,
    [...before, ...changes, ...sendStatements(id, now, input)],
    [
      // Raw, with its own aliases: drizzle's batch shifts the joined columns of the same name (drizzle-orm#6038).
      selectMessagesStatement(eq(messages.id, id)),
      db.select().from(members).where(eq(members.conversationId, conversationId)),
      ...conversationViewQueries(db, actor.id, [conversationId]),
    ],
  );
  const raw = stored.results[0] as Record<string, unknown> | undefined;
  if (!raw) throw new Error('event message missing after its transaction');
  const [view] = viewsFromRows(actor.id, viewRows);
  return { row: rowOf<MessageRow>(messageColumns, raw), after, view };
}

/** A stored member change: its event message, the member rows after it, and the actor's view. */
export interface GroupChange {
  row: MessageRow;
  after: (typeof members.$inferSelect)[];
  view: Conversation | undefined;
}
