import type { Conversation, MemberStatus } from '@clipdm/shared';
import { and, desc, eq } from 'drizzle-orm';
import { type Keyset, pastCursor } from '../../db/keyset.ts';
import { conversations, members, settings } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { ownRowFields, viewPartQueries, viewsFromRows } from './conversation-views.ts';

/**
 * The query behind one page of the viewer's inbox or requests, with the viewer's own row of each
 * (`ownRowFields`): the viewer's range of members_box_idx, ordered by each conversation's own activity.
 * A send writes that time once, on the conversation, rather than on every member's row; the price is a
 * sort of the viewer's conversations here (docs/performance.md).
 */
export function listBoxQuery(db: Db, userId: string, box: MemberStatus, limit: number, after: Keyset | null) {
  return db
    .select(ownRowFields)
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .leftJoin(settings, eq(settings.userId, members.userId))
    .where(
      and(
        eq(members.userId, userId),
        eq(members.state, box),
        eq(members.hidden, false),
        pastCursor(conversations.lastActivityAt, conversations.id, after),
      ),
    )
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit + 1);
}

/**
 * One page of the viewer's inbox or requests with every conversation's view, in ONE D1 batch: the page
 * query reads the viewer's own rows itself, and the other view queries take it as their list of ids.
 * SQLite runs that page query once per statement (four times), so the rows read grow a few times over to
 * save three round trips (docs/performance.md).
 */
export async function boxPage(
  db: Db,
  viewerId: string,
  box: MemberStatus,
  limit: number,
  after: Keyset | null,
): Promise<{ conversations: Conversation[]; more: boolean; last: Keyset | undefined }> {
  const page = listBoxQuery(db, viewerId, box, limit, after);
  const pageIds = page.as('page');
  const [rows, everyone, lastRows, reactionRows] = await db.batch([
    page,
    ...viewPartQueries(db, viewerId, db.select({ id: pageIds.id }).from(pageIds)),
  ]);
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    conversations: viewsFromRows(viewerId, [kept, everyone, lastRows, reactionRows]),
    more: rows.length > limit,
    last: last && { at: last.lastActivityAt, id: last.id },
  };
}
