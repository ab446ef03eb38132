import type { Conversation, MemberStatus } from '@clipdm/shared';
import type { Keyset } from '../../db/keyset.ts';
import type { Db } from '../../env.ts';
import { conversationViewQueries, viewsFromRows } from './conversation-views.ts';
import { listBoxQuery } from './queries.ts';

/**
 * One page of the viewer's inbox or requests with every conversation's view, in ONE D1 batch: the views'
 * queries take the page query itself as their list of ids. SQLite runs that page query once per view
 * query, so the rows read grow a few times over to save three round trips (docs/performance.md).
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
  const [rows, own, everyone, lastRows, reactionRows] = await db.batch([
    page,
    ...conversationViewQueries(db, viewerId, db.select({ id: pageIds.id }).from(pageIds)),
  ]);
  const kept = rows.slice(0, limit);
  const views = new Map(
    viewsFromRows(viewerId, [own, everyone, lastRows, reactionRows]).map((v) => [v.id, v]),
  );
  return {
    conversations: kept.flatMap((row) => views.get(row.id) ?? []),
    more: rows.length > limit,
    last: kept.at(-1),
  };
}
