import { and, eq, type SQL, sql } from 'drizzle-orm';
import { conversations } from '../db/schema.ts';
import type { Db } from '../env.ts';

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
 * A new group's conversation row; `creatorId` and `clientId` are kept only together, for
 * `conversations_creator_client_unique` (a retried create finds its group).
 * Raw SQL: these statements share one `runAsTransaction` batch, which drizzle cannot bind (drizzle-orm#2277).
 */
export function newGroupStatement(
  group: { id: string; title: string | null; creatorId: string; clientId: string | null },
  now: string,
): SQL {
  const { id, title, creatorId, clientId } = group;
  return sql`insert into conversations (id, kind, title, last_activity_at, created_at, creator_id, client_id)
        values (${id}, 'group', ${title}, ${now}, ${now}, ${clientId && creatorId}, ${clientId})`;
}

/** The owner removed `userId`: out of the group, no longer its owner. Raw SQL, for the same batch. */
export function removeMemberStatement(conversationId: string, userId: string): SQL {
  return sql`update members set state = 'removed', role = 'member'
      where conversation_id = ${conversationId} and user_id = ${userId}`;
}

/** `userId` left the group (see `passOwnership` for the owner). Raw SQL, for the same batch. */
export function leaveStatement(conversationId: string, userId: string): SQL {
  return sql`update members set state = 'left', role = 'member'
      where conversation_id = ${conversationId} and user_id = ${userId}`;
}

/** The group's new title. Raw SQL, for the same batch. */
export function renameStatement(conversationId: string, title: string): SQL {
  return sql`update conversations set title = ${title} where id = ${conversationId}`;
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
