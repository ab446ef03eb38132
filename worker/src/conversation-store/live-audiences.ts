import { and, eq, inArray } from 'drizzle-orm';
import { members, settings } from '../db/schema.ts';
import type { Db } from '../env.ts';

/** Every member row of these conversations (any state): who may hear of a change to each. */
export function memberRowsOf(db: Db, conversationIds: string[]) {
  return db.select().from(members).where(inArray(members.conversationId, conversationIds));
}

/**
 * The members a read marker's move may concern (accepted or request), each with their read-receipt setting:
 * who hears a `read` event depends on both sides' settings.
 */
export function readAudienceRows(db: Db, conversationId: string) {
  return db
    .select({
      userId: members.userId,
      state: members.state,
      hidden: members.hidden,
      receipts: settings.readReceipts,
    })
    .from(members)
    .leftJoin(settings, eq(settings.userId, members.userId))
    .where(and(eq(members.conversationId, conversationId), inArray(members.state, ['accepted', 'request'])));
}
