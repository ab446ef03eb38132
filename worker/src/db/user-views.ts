import type { User } from '@clipdm/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../env.ts';
import { canMessageEach } from './policy-facts.ts';
import { follows } from './schema.ts';
import type { UserRow } from './users.ts';

/** Turns user rows into the `User` objects the viewer sees, with follow state and `canMessage`, in few queries. */
export async function toUserViews(db: Db, viewerId: string, rows: UserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [outgoing, incoming, allowed] = await Promise.all([
    db
      .select({ id: follows.followeeId })
      .from(follows)
      .where(and(eq(follows.followerId, viewerId), inArray(follows.followeeId, ids))),
    db
      .select({ id: follows.followerId })
      .from(follows)
      .where(and(eq(follows.followeeId, viewerId), inArray(follows.followerId, ids))),
    canMessageEach(db, viewerId, ids),
  ]);
  const youFollow = new Set(outgoing.map((r) => r.id));
  const followsYou = new Set(incoming.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    handle: row.handle ?? '',
    displayName: row.displayName,
    avatarUrl: row.avatarUrl,
    youFollow: youFollow.has(row.id),
    followsYou: followsYou.has(row.id),
    isFriend: youFollow.has(row.id) && followsYou.has(row.id),
    canMessage: allowed.has(row.id),
  }));
}
