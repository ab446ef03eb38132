import type { MemberStatus } from '@clipdm/shared';
import { and, eq, type SQLWrapper, sql } from 'drizzle-orm';
import { type Step, type StepResults, writeThenRead } from '../../db/raw-batch.ts';
import { conversations, members } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { newId } from '../../lib/ids.ts';
import { findVisibleUser } from '../people/queries.ts';
import { denialError } from './dm-policy-checks.ts';
import { decideEach, directKeyOf } from './dm-policy-facts.ts';

/**
 * Who may see a conversation: members in the inbox or requests, and (direct only) one who declined it, who
 * can still open it by id. Left and removed group members cannot.
 */
export const canSee = sql`(${members.state} in ('accepted', 'request') or (${members.state} = 'declined' and ${conversations.kind} = 'direct'))`;

/** `canSee` for rows already read; the two must say the same, so they live side by side. */
export function canSeeRow(state: string, kind: string): boolean {
  return state === 'accepted' || state === 'request' || (state === 'declined' && kind === 'direct');
}

/** The caller's own member row and the conversation, or nothing for a non-member. */
export async function membershipOf(db: Db, conversationId: string, userId: string) {
  const [row] = await db
    .select({ member: members, conversation: conversations })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .where(and(eq(members.conversationId, conversationId), eq(members.userId, userId), canSee))
    .limit(1);
  return row;
}

export type Membership = NonNullable<Awaited<ReturnType<typeof membershipOf>>>;

/** One row when `userId` may see the conversation (for a batch: selects no column two tables share). */
export function visibleMemberQuery(db: Db, conversationId: string, userId: string) {
  return db
    .select({ userId: members.userId })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .where(and(eq(members.conversationId, conversationId), eq(members.userId, userId), canSee))
    .limit(1);
}

/** The caller's membership, or `404 not_found` — a non-member never learns the conversation exists. */
export async function requireMembership(db: Db, conversationId: string, userId: string): Promise<Membership> {
  const found = await membershipOf(db, conversationId, userId);
  if (!found) throw notFound('No such conversation');
  return found;
}

/** Every member row of a conversation (any state). */
export async function memberRows(db: Db, conversationId: string) {
  return db.select().from(members).where(eq(members.conversationId, conversationId));
}

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

/**
 * The direct conversation with `handle`: the existing one, or a new one if the policy allows it, with
 * `reads` (given its id as a subquery) run in the creating transaction; an existing one has no `read`.
 */
export async function openDirect<const R extends readonly Step[]>(
  db: Db,
  viewerId: string,
  handle: string,
  reads: (id: SQLWrapper) => R,
): Promise<{ id: string; created: boolean; read?: StepResults<R> }> {
  // Someone who blocked the viewer is "no such user" here too, exactly as on their profile.
  const other = await findVisibleUser(db, viewerId, handle);
  if (!other) throw notFound('No such user');
  if (other.id === viewerId) {
    throw new ApiError('invalid_request', 'You cannot message yourself', {
      details: { issues: [{ path: 'members.0', message: 'is your own handle' }] },
    });
  }
  const directKey = directKeyOf(viewerId, other.id);
  const existing = await findDirect(db, directKey);
  if (existing) return { id: existing.id, created: false };
  const decision = (await decideEach(db, viewerId, [other.id])).get(other.id);
  if (!decision) throw denialError('cannot_message');
  if (!decision.allowed) throw denialError(decision.denial);
  return getOrCreateDirect(
    db,
    { creatorId: viewerId, otherId: other.id, directKey, otherStatus: decision.status },
    reads,
  );
}
