import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../env.ts';
import { follows } from './schema.ts';

/**
 * PLACEHOLDER until the DM-policy issue lands: treats mutual followers as reachable and nobody else.
 * The policy issue replaces this with the facts the shared `decide()` needs.
 */
export async function canMessageEach(db: Db, senderId: string, recipientIds: string[]): Promise<Set<string>> {
  if (recipientIds.length === 0) return new Set();
  const [out, back] = await Promise.all([
    db
      .select({ id: follows.followeeId })
      .from(follows)
      .where(and(eq(follows.followerId, senderId), inArray(follows.followeeId, recipientIds))),
    db
      .select({ id: follows.followerId })
      .from(follows)
      .where(and(eq(follows.followeeId, senderId), inArray(follows.followerId, recipientIds))),
  ]);
  const back_ = new Set(back.map((r) => r.id));
  return new Set(out.map((r) => r.id).filter((id) => back_.has(id)));
}
