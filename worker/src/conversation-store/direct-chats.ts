import type { MemberStatus } from '@clipdm/shared';
import { and, eq, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import type { Value } from '../db/query-templates.ts';
import { type Step, type StepResults, writeThenRead } from '../db/raw-batch.ts';
import { conversations, members } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { newId } from '../lib/ids.ts';

/** The key of the one direct conversation between two users. */
export function directKeyOf(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/**
 * Each recipient's status in their direct conversation with the sender. `ids` may be a subquery (a
 * search's results): the conversations' keys are then computed in SQL, so the facts and the search that
 * found the people share one batch.
 */
export function directStatusQuery(db: Db, senderId: Value, ids: string[] | SQLWrapper) {
  // A list of ids comes with the sender's real id: only the subquery form is ever built as a template.
  const keys = Array.isArray(ids)
    ? ids.map((id) => directKeyOf(senderId as string, id))
    : sql`(select case when ${senderId} < found.id then ${senderId} || ':' || found.id
        else found.id || ':' || ${senderId} end from (${ids}) as found)`;
  return db
    .select({ id: members.userId, state: members.state })
    .from(conversations)
    .innerJoin(members, eq(members.conversationId, conversations.id))
    .where(and(inArray(conversations.directKey, keys), inArray(members.userId, ids)));
}

/** The direct conversation of this key (`directKeyOf`), if it exists. */
export async function findDirect(db: Db, directKey: string) {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.directKey, directKey))
    .limit(1);
  return row;
}

/**
 * Gets or creates the direct conversation of `creatorId` and `otherId` in one transaction. The other
 * side's row is hidden until the first message, so nothing shows up for them before then. The same
 * transaction reads back the conversation's id and runs `reads` (given that id as a subquery): what the
 * response needs comes with the write, so no read after the commit can fail a stored conversation.
 * Raw SQL: these statements share one `runAsTransaction` batch, which drizzle cannot bind (drizzle-orm#2277).
 */
export async function getOrCreateDirect<const R extends readonly Step[]>(
  db: Db,
  input: { creatorId: string; otherId: string; directKey: string; otherStatus: MemberStatus },
  reads: (id: SQLWrapper) => R,
): Promise<{ id: string; created: boolean; read: StepResults<R> }> {
  const id = newId();
  const now = new Date().toISOString();
  const direct = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.directKey, input.directKey));
  const [[existing], ...read] = await writeThenRead(
    db,
    [
      sql`insert into conversations (id, kind, direct_key, last_activity_at, created_at)
      values (${id}, 'direct', ${input.directKey}, ${now}, ${now}) on conflict do nothing`,
      sql`insert into members (conversation_id, user_id, role, state, hidden, direct_activity_at, joined_at)
      select ${id}, ${input.creatorId}, 'member', 'accepted', 0, ${now}, ${now}
      where exists (select 1 from conversations where id = ${id}) on conflict do nothing`,
      sql`insert into members (conversation_id, user_id, role, state, hidden, direct_activity_at, joined_at)
      select ${id}, ${input.otherId}, 'member', ${input.otherStatus}, 1, ${now}, ${now}
      where exists (select 1 from conversations where id = ${id}) on conflict do nothing`,
    ],
    [direct, ...reads(direct)],
  );
  const found = existing?.id ?? id;
  return { id: found, created: found === id, read: read as StepResults<R> };
}
