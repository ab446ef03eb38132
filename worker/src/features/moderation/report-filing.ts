import type { reportBody } from '@clipdm/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { declineStatement } from '../../conversation-store/member-state.ts';
import type { Membership } from '../../conversation-store/membership.ts';
import { toMessage } from '../../conversation-store/message-rows.ts';
import { reportEvidenceQueries } from '../../conversation-store/reports.ts';
import { writeThenRead } from '../../db/raw-batch.ts';
import { reports } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { newId } from '../../lib/ids.ts';
import { type Limit, limitedAnswer, limitStatements } from '../../lib/rate-limits.ts';
import { blockStatements } from '../people/follow-block-queries.ts';

/**
 * Files a report on a conversation, keeping a copy of the reported messages (the given ids, or else the
 * last 20 from the others) so unsending cannot erase the evidence. Reporting a request also declines it;
 * `block` blocks the other member of a direct conversation. `limit` is counted in the same transaction
 * (the `429` when over). A retry of the same report within a few minutes answers the first one's id.
 */
export async function fileReport(
  db: Db,
  reporterId: string,
  membership: Membership,
  input: z.infer<typeof reportBody>,
  limit: Limit,
): Promise<string> {
  const conversationId = membership.conversation.id;
  const [rows, others] = await db.batch(reportEvidenceQueries(db, reporterId, membership, input.messageIds));
  const copies = rows
    .sort((a, b) => a.seq - b.seq)
    .map((row) => ({ ...toMessage(row, reporterId), clientId: null }));
  const direct = membership.conversation.kind === 'direct';
  const other = direct ? (others[0]?.userId ?? null) : null;
  // The reported person is whoever sent the reported messages: chosen ones of only the reporter's own name
  // no one. Without a choice, a direct conversation reports the other member.
  const chosen = input.messageIds && input.messageIds.length > 0;
  const reportedUserId =
    rows.find((r) => r.senderId !== reporterId && r.kind !== 'event')?.senderId ?? (chosen ? null : other);
  const id = newId();
  const note = input.note || null;
  const same = sameReportQuery(db, { reporterId, conversationId, reason: input.reason, note });
  // The report, the decline and block it brings, and the count against the limit land together or not at
  // all, and the same transaction reads back the report's id: a fault anywhere stores nothing.
  const [[filed]] = await writeThenRead(
    db,
    [
      ...limitStatements(limit),
      sql`insert into reports (id, reporter_id, reported_user_id, conversation_id, reason, note, messages_json)
        select ${id}, ${reporterId}, ${reportedUserId}, ${conversationId}, ${input.reason}, ${note},
          ${JSON.stringify(copies)}
        where not exists ${same}`, // a drizzle query in `sql` brings its own parentheses
      ...(membership.member.state === 'request' ? [declineStatement(db, conversationId, reporterId)] : []),
      ...(input.block && other ? blockStatements(db, reporterId, other) : []),
    ],
    [same],
  ).catch(async (error: unknown) => {
    throw await limitedAnswer(db, error, limit, 'Too many reports; try again later');
  });
  return filed?.id ?? id;
}

/** How long a repeated report counts as a retry of the first (its answer lost) rather than a new one. */
const RETRY_WINDOW_MS = 5 * 60_000;

/**
 * The open report of the same reporter, conversation, reason and note filed within `RETRY_WINDOW_MS`:
 * a client's retry of a report whose answer it never got finds it and gets its id, so a retry stores
 * nothing twice. Bounded by `reports_status_idx` (the open reports of the last few minutes).
 */
export function sameReportQuery(
  db: Db,
  report: { reporterId: string; conversationId: string; reason: string; note: string | null },
  now = Date.now(),
) {
  return db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.status, 'open'),
        gt(reports.createdAt, new Date(now - RETRY_WINDOW_MS).toISOString()),
        eq(reports.reporterId, report.reporterId),
        eq(reports.conversationId, report.conversationId),
        eq(reports.reason, report.reason),
        sql`${reports.note} is ${report.note}`,
      ),
    )
    .orderBy(reports.createdAt, reports.id)
    .limit(1);
}
