import { and, eq, sql } from 'drizzle-orm';
import type { Value } from '../db/query-templates.ts';
import { conversations, members } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { notFound } from '../lib/api-error.ts';

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
export function visibleMemberQuery(db: Db, conversationId: Value, userId: Value) {
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

/** A member row as stored: the rules that decide who hears what read these. */
export type MemberRow = typeof members.$inferSelect;

/** Every member row of a conversation (any state), as a query for a batch. */
export function memberRowsQuery(db: Db, conversationId: string) {
  return db.select().from(members).where(eq(members.conversationId, conversationId));
}

/** Every member row of a conversation (any state). */
export async function memberRows(db: Db, conversationId: string) {
  return memberRowsQuery(db, conversationId);
}
