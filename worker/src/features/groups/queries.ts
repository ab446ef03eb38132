import type { Conversation, ConversationEvent, MemberStatus } from '@clipdm/shared';
import { and, eq, inArray, isNull, notExists, type SQL, sql } from 'drizzle-orm';
import { conversationViewQueries, viewsFromRows } from '../../conversation-store/conversation-views.ts';
import {
  type MessageRow,
  messageColumns,
  selectMessagesStatement,
} from '../../conversation-store/message-rows.ts';
import { sendStatements } from '../../conversation-store/send.ts';
import { writeThenRead } from '../../db/raw-batch.ts';
import { rowOf } from '../../db/raw-rows.ts';
import { blocks, conversations, members, messages, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { newId } from '../../lib/ids.ts';
import { denialError } from '../conversations/dm-policy-checks.ts';
import { decideEach } from '../conversations/dm-policy-facts.ts';

type Person = { id: string; handle: string };

/**
 * The live accounts behind handles, as `viewerId` may see them; any unknown handle is a 404 naming the ones
 * not found. An account that blocked the viewer is one of those: it looks exactly like no account at all.
 */
export async function peopleByHandles(db: Db, viewerId: string, handles: string[]): Promise<Person[]> {
  const wanted = [...new Set(handles)];
  const blockedViewer = db
    .select({ one: blocks.blockerId })
    .from(blocks)
    .where(and(eq(blocks.blockerId, users.id), eq(blocks.blockedId, viewerId)));
  const rows = await db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(inArray(users.handle, wanted), isNull(users.deletedAt), notExists(blockedViewer)));
  const found = rows.flatMap((r) => (r.handle ? [{ id: r.id, handle: r.handle }] : []));
  const missing = wanted.filter((h) => !found.some((p) => p.handle === h));
  if (missing.length > 0) throw new ApiError('not_found', 'No such user', { details: { handles: missing } });
  return found;
}

/**
 * Each invitee checked against their own DM policy as if the adder were messaging them: the status they
 * join with (`request` unless they follow the adder), or `403 cannot_message` naming those who cannot be
 * added (13–15-year-olds among them).
 */
export async function admissions(
  db: Db,
  adderId: string,
  invitees: Person[],
): Promise<Map<string, MemberStatus>> {
  const ids = invitees.map((p) => p.id);
  const decisions = await decideEach(db, adderId, ids, new Map(ids.map((id) => [id, null])));
  const statuses = new Map<string, MemberStatus>();
  const refused: string[] = [];
  for (const person of invitees) {
    const decision = decisions.get(person.id);
    if (decision?.allowed === false && decision.denial === 'dms_unavailable') {
      throw denialError('dms_unavailable');
    }
    if (decision?.allowed) statuses.set(person.id, decision.status);
    else refused.push(person.handle);
  }
  if (refused.length > 0) {
    throw new ApiError('cannot_message', 'Some of these people cannot be added', {
      details: { handles: refused },
    });
  }
  return statuses;
}

/**
 * Adds (or brings back) members in one statement: one JSON parameter, whatever their number. Each starts
 * reading (and seeing messages) after the conversation's current last seq: a newcomer gets no history.
 * Only a removed member comes back: someone who declined or left stays out (checked before, and held
 * here should the two race).
 * Raw SQL: these statements share one `runAsTransaction` batch, which drizzle cannot bind (drizzle-orm#2277).
 */
export function upsertMembers(
  conversationId: string,
  now: string,
  rows: { userId: string; role: string; state: string }[],
): SQL {
  const lastSeq = sql`(select last_seq from conversations where id = ${conversationId})`;
  return sql`insert into members (conversation_id, user_id, role, state, hidden, last_read_seq, joined_seq,
      joined_at)
    select ${conversationId}, json_extract(value, '$.userId'), json_extract(value, '$.role'),
      json_extract(value, '$.state'), 0, ${lastSeq}, ${lastSeq}, ${now}
    from json_each(${JSON.stringify(rows)}) where true
    on conflict (conversation_id, user_id) do update set role = excluded.role, state = excluded.state, hidden = 0,
      muted = 0, hidden_unread = 0, last_read_seq = excluded.last_read_seq, joined_seq = excluded.joined_seq,
      joined_at = excluded.joined_at
    where members.state = 'removed'`;
}

/**
 * A statement that fails (so its whole batch rolls back) when the conversation has more than `cap`
 * active members. Placed after the insert in the same batch, it holds the cap however many adds race:
 * D1 runs a batch as one transaction, one at a time. The failure is SQLite's own "malformed JSON" error,
 * the only way to abort from plain SQL; `isOverCap` recognises it.
 * Raw SQL: these statements share one `runAsTransaction` batch, which drizzle cannot bind (drizzle-orm#2277).
 */
export function capGuard(conversationId: string, cap: number): SQL {
  return sql`select json(case when (select count(*) from members where conversation_id = ${conversationId}
      and state in ('accepted', 'request')) > ${cap} then ${OVER_CAP} else '0' end)`;
}

const OVER_CAP = 'over the member cap';

/** Whether a failed batch was stopped by `capGuard`. */
export function isOverCap(error: unknown): boolean {
  return /malformed JSON/i.test(String(error));
}

/**
 * Hands ownership to the longest-standing member (accepted ones first) when no active owner is left.
 * Raw SQL: these statements share one `runAsTransaction` batch, which drizzle cannot bind (drizzle-orm#2277).
 */
export function passOwnership(conversationId: string): SQL {
  return sql`update members set role = 'owner' where conversation_id = ${conversationId} and user_id = (
      select user_id from members where conversation_id = ${conversationId} and state in ('accepted', 'request')
      order by state = 'accepted' desc, joined_at, user_id limit 1)
    and not exists (select 1 from members where conversation_id = ${conversationId} and role = 'owner'
      and state in ('accepted', 'request'))`;
}

/**
 * Applies member changes and stores the event message describing them ("alice added carol") in ONE
 * transaction, and reads back in that same transaction what comes after: the event message, every member
 * row (the live events' audience) and the actor's own view of the conversation (none once they left).
 * A fault fails all of it, so a change is either stored and answered or neither: no read after the commit
 * can turn a stored change into a 503. The changes are raw SQL statements (`service.ts` writes them)
 * because they share one `runAsTransaction` batch, which drizzle cannot bind (drizzle-orm#2277).
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

/** The group `creatorId` made with `clientId`, if any (`conversations_creator_client_unique`). */
export async function groupCreatedWith(
  db: Db,
  creatorId: string,
  clientId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.creatorId, creatorId), eq(conversations.clientId, clientId)))
    .limit(1);
  return row?.id;
}

/** Whether a failed batch was stopped by another group already holding its creator's `clientId`. */
export function isDuplicateGroupKey(error: unknown): boolean {
  return /UNIQUE constraint failed: conversations\.creator_id/i.test(String(error));
}

/** A stored member change: its event message, the member rows after it, and the actor's view. */
export interface GroupChange {
  row: MessageRow;
  after: (typeof members.$inferSelect)[];
  view: Conversation | undefined;
}

/** The live account behind a handle, for member removal; 404 when unknown. */
export async function personByHandle(db: Db, handle: string): Promise<Person> {
  const [row] = await db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(eq(users.handle, handle), isNull(users.deletedAt)))
    .limit(1);
  if (!row?.handle) throw notFound('No such member');
  return { id: row.id, handle: row.handle };
}
