import type { ConversationEvent, MemberStatus } from '@clipdm/shared';
import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Value } from '../db/query-templates.ts';
import { runAsTransaction } from '../db/raw-batch.ts';
import { rowOf, selectList } from '../db/raw-rows.ts';
import { members, messages } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { newId } from '../lib/ids.ts';
import { hiddenByBlock } from './block-hiding.ts';
import { type MessageRow, messageColumns, selectMessages, selectMessagesStatement } from './message-rows.ts';

export interface NewMessage {
  conversationId: string;
  senderId: string;
  clientId: string | null;
  kind: 'text' | 'video' | 'event';
  text?: string | null;
  video?: { url: string; videoId: string | null; authorHandle: string | null } | null;
  event?: ConversationEvent | null;
  /** The message this one replies to (already checked: same conversation, visible to the sender). */
  replyToId?: string | null;
}

export interface InsertOptions {
  /** Allow the insert only while the sender has fewer than this many messages here (a pending request). */
  maxFromSender?: number;
  /** A member whose status the policy moves from `request` to `accepted` with this message. */
  promote?: { userId: string; status: MemberStatus };
}

/**
 * The statements of one send, in order; `id` and `now` are the new message's. Each insert or update is
 * guarded by the ones before it (`where exists …`), so all of them run in one `runAsTransaction` batch:
 * raw SQL, because drizzle's D1 batch cannot bind raw statements (drizzle-orm#2277).
 */
export function sendStatements(
  id: string,
  now: string,
  input: NewMessage,
  options: InsertOptions = {},
): SQL[] {
  const { conversationId: conv, senderId } = input;
  const limit =
    options.maxFromSender === undefined
      ? sql``
      : sql` and (select count(*) from messages where conversation_id = ${conv} and sender_id = ${senderId}
          and kind <> 'event') < ${options.maxFromSender}`;
  const stored = sql`exists (select 1 from messages where id = ${id})`;
  return [
    sql`insert into messages (id, conversation_id, seq, sender_id, kind, text, video_url, video_id,
        video_author, event_json, client_id, created_at, reply_to_id)
      select ${id}, id, last_seq + 1, ${senderId}, ${input.kind}, ${input.text ?? null}, ${input.video?.url ?? null},
        ${input.video?.videoId ?? null}, ${input.video?.authorHandle ?? null},
        ${input.event ? JSON.stringify(input.event) : null}, ${input.clientId}, ${now}, ${input.replyToId ?? null}
      from conversations where id = ${conv}${limit}
      on conflict (conversation_id, sender_id, client_id) do nothing`,
    sql`update conversations set last_seq = last_seq + 1, last_activity_at = ${now}
      where id = ${conv} and ${stored}`,
    // Unread counts are last_seq − last_read_seq and a group's place in the lists is the conversation's
    // activity, so a group send writes no member rows: only a hidden one coming back, and a member a block
    // hides it from (`hiddenByBlock`), for whom the message is not unread. A direct chat's recipient row
    // takes the activity (`direct_activity_at`, null in groups): one row, whatever else.
    sql`update members set hidden = 0, direct_activity_at = iif(direct_activity_at is null, null, ${now})
      where conversation_id = ${conv} and user_id <> ${senderId} and (hidden = 1 or direct_activity_at is not null)
        and state in ('accepted', 'request') and ${stored} and not ${hiddenByBlock({
          viewerId: sql`members.user_id`,
          senderId,
          messageKind: input.kind,
          conversationKind: sql`(select kind from conversations where id = ${conv})`,
        })}`,
    sql`update members set hidden_unread = hidden_unread + 1
      where conversation_id = ${conv} and user_id <> ${senderId} and state in ('accepted', 'request')
        and ${stored} and ${hiddenByBlock({
          viewerId: sql`members.user_id`,
          senderId,
          messageKind: input.kind,
          conversationKind: sql`(select kind from conversations where id = ${conv})`,
        })}`,
    sql`update members set state = ${options.promote?.status ?? 'request'}
      where conversation_id = ${conv} and user_id = ${options.promote?.userId ?? ''} and state = 'request'
        and ${stored}`,
    // Replying accepts; a member change (an event) only moves its actor's read marker.
    input.kind === 'event'
      ? sql`update members set last_read_seq = (select seq from messages where id = ${id})
          where conversation_id = ${conv} and user_id = ${senderId} and state in ('accepted', 'request') and ${stored}`
      : sql`update members set state = 'accepted', hidden = 0,
          direct_activity_at = iif(direct_activity_at is null, null, ${now}),
          last_read_seq = (select seq from messages where id = ${id})
          where conversation_id = ${conv} and user_id = ${senderId} and ${stored}`,
  ];
}

/** The stored message of a send: the new one, or the earlier one with its clientId. */
export function storedMessageStatement(id: string, input: NewMessage): SQL {
  const { conversationId, senderId, clientId } = input;
  return selectMessagesStatement(
    clientId === null ? eq(messages.id, id) : byClientId(conversationId, senderId, clientId),
  );
}

type MemberRow = typeof members.$inferSelect;
const memberColumns = getTableColumns(members);

/** Every member row of a conversation, as one raw statement (read with `rowOf(memberColumns, …)`). */
export function memberRowsStatement(conversationId: string): SQL {
  return sql`select ${selectList(memberColumns)} from ${members} where ${members.conversationId} = ${conversationId}`;
}

/**
 * Stores a message in ONE transaction: its `seq` is the conversation's `last_seq + 1`, taken inside the
 * insert, so seqs are gap-free however many sends race; a repeated `clientId` inserts nothing. Then the
 * conversation (seq, activity), a hidden recipient (unhidden), a member a block hides it from (not unread
 * for them) and the sender (accepted, read) follow: the rows written do not grow with the group.
 * `first` statements run before all that in the same transaction (a rate limit's count and check, which
 * fails the whole transaction when over). The same batch reads back the stored message for this clientId
 * (new or earlier; none when the request limit refused it), the conversation's member rows `after` the
 * write, and the members it stays `hiddenFrom` (blocks in a group).
 */
export async function insertMessage(
  db: Db,
  input: NewMessage,
  options: InsertOptions = {},
  first: SQL[] = [],
) {
  const id = newId();
  const results = await runAsTransaction(db, [
    ...first,
    ...sendStatements(id, new Date().toISOString(), input, options),
    storedMessageStatement(id, input),
    memberRowsStatement(input.conversationId),
    hiddenFromStatement(input),
  ]);
  const [rowResult, memberResult, hiddenResult] = results.slice(-3);
  const raw = rowResult?.results[0] as Record<string, unknown> | undefined;
  const row = raw && rowOf<MessageRow>(messageColumns, raw);
  const after = (memberResult?.results ?? []).map((r) =>
    rowOf<MemberRow>(memberColumns, r as Record<string, unknown>),
  );
  const hiddenFrom = (hiddenResult?.results ?? []).map((r) => (r as { userId: string }).userId);
  return { stored: row ? { row, created: row.id === id } : undefined, after, hiddenFrom };
}

/** The members a new message of `input.senderId` stays hidden from (`hiddenByBlock`). */
export function hiddenFromStatement(input: NewMessage): SQL {
  const conv = input.conversationId;
  return sql`select user_id as userId from members
    where conversation_id = ${conv} and user_id <> ${input.senderId} and ${hiddenByBlock({
      viewerId: sql`members.user_id`,
      senderId: input.senderId,
      messageKind: input.kind,
      conversationKind: sql`(select kind from conversations where id = ${conv})`,
    })}`;
}

function byClientId(conversationId: Value, senderId: Value, clientId: Value) {
  return and(
    eq(messages.conversationId, conversationId),
    eq(messages.senderId, senderId),
    eq(messages.clientId, clientId),
  ) as SQL;
}

/** The query for the sender's earlier message with this clientId in the conversation (a retried send). */
export function byClientIdQuery(db: Db, conversationId: Value, senderId: Value, clientId: Value) {
  return selectMessages(db)
    .where(byClientId(conversationId, senderId, clientId))
    .limit(1);
}
