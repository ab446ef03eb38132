import { and, eq, or } from 'drizzle-orm';
import { blocks, follows } from '../../db/schema.ts';
import type { Db } from '../../env.ts';

export async function follow(db: Db, followerId: string, followeeId: string) {
  await db.insert(follows).values({ followerId, followeeId }).onConflictDoNothing();
}

export async function unfollow(db: Db, followerId: string, followeeId: string) {
  await db.delete(follows).where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)));
}

/** The statements of a block, for a batch: the block itself, and the follows both ways go. */
export function blockStatements(db: Db, blockerId: string, blockedId: string) {
  return [
    db.insert(blocks).values({ blockerId, blockedId }).onConflictDoNothing(),
    db
      .delete(follows)
      .where(
        or(
          and(eq(follows.followerId, blockerId), eq(follows.followeeId, blockedId)),
          and(eq(follows.followerId, blockedId), eq(follows.followeeId, blockerId)),
        ),
      ),
  ] as const;
}

/** Blocking also removes follows both ways, in the same transaction. */
export async function block(db: Db, blockerId: string, blockedId: string) {
  await db.batch(blockStatements(db, blockerId, blockedId));
}

export async function unblock(db: Db, blockerId: string, blockedId: string) {
  await db.delete(blocks).where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)));
}
