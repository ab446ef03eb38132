import type { AdminReport, Message } from '@clipdm/shared';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type Keyset, pastCursor } from '../../db/keyset.ts';
import { logins, reports, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';

const reporter = alias(users, 'reporter');
const reported = alias(users, 'reported');

function reportQuery(db: Db) {
  return db
    .select({
      report: reports,
      reporter: { id: reporter.id, handle: reporter.handle },
      reported: {
        id: reported.id,
        handle: reported.handle,
        displayName: reported.displayName,
        suspendedAt: reported.suspendedAt,
      },
    })
    .from(reports)
    .leftJoin(reporter, eq(reporter.id, reports.reporterId))
    .leftJoin(reported, eq(reported.id, reports.reportedUserId));
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['all']>>[number];

/** The copies `fileReport` wrote with `toMessage`; they are shown as stored, never re-validated. */
function copiedMessages(json: string): Message[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as Message[]) : [];
  } catch {
    return [];
  }
}

function toAdminReport(row: ReportRow): AdminReport {
  const { report } = row;
  return {
    id: report.id,
    status: report.status,
    reason: report.reason,
    note: report.note,
    action: report.action,
    conversationId: report.conversationId,
    reporter: row.reporter,
    reportedUser: row.reported,
    messages: copiedMessages(report.messagesJson),
    createdAt: report.createdAt,
    resolvedAt: report.resolvedAt,
  };
}

/**
 * One page of reports by status, served by `reports_status_idx`. Open reports come oldest first (a queue
 * to work through); resolved ones newest first (a history).
 */
export async function listReports(db: Db, status: 'open' | 'resolved', limit: number, after: Keyset | null) {
  const oldestFirst = status === 'open';
  const order = oldestFirst ? asc : desc;
  const rows = await reportQuery(db)
    .where(and(eq(reports.status, status), pastCursor(reports.createdAt, reports.id, after, oldestFirst)))
    .orderBy(order(reports.createdAt), order(reports.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    reports: page.map(toAdminReport),
    next: rows.length > limit && last ? { at: last.report.createdAt, id: last.report.id } : null,
  };
}

export async function getReport(db: Db, id: string): Promise<AdminReport | undefined> {
  const [row] = await reportQuery(db).where(eq(reports.id, id)).limit(1);
  return row ? toAdminReport(row) : undefined;
}

/**
 * Resolves a report; `suspend` also suspends the reported account, in the same transaction. Resolving
 * again records the new action; dismissing never lifts a suspension (that is a separate, explicit call).
 * Returns false when there is no such report.
 */
export async function resolveReport(
  db: Db,
  id: string,
  action: 'dismiss' | 'suspend',
  now = new Date(),
): Promise<{ resolved: boolean; suspendedUserId: string | null }> {
  const at = now.toISOString();
  const resolve = db
    .update(reports)
    .set({ status: 'resolved', action, resolvedAt: at })
    .where(eq(reports.id, id))
    .returning({ id: reports.id });
  if (action === 'dismiss') return { resolved: (await resolve).length > 0, suspendedUserId: null };
  const reportedId = sql`(select ${reports.reportedUserId} from ${reports} where ${reports.id} = ${id})`;
  const [resolved, suspended] = await db.batch([
    resolve,
    db
      .update(users)
      .set({ suspendedAt: at })
      .where(and(sql`${users.id} = ${reportedId}`, isNull(users.suspendedAt)))
      .returning({ id: users.id }),
    // A suspension ends the account's logins at once (it may sign in again, to a `dms_unavailable`).
    db
      .update(logins)
      .set({ revokedAt: at })
      .where(and(sql`${logins.userId} = ${reportedId}`, isNull(logins.revokedAt))),
  ]);
  return { resolved: resolved.length > 0, suspendedUserId: suspended[0]?.id ?? null };
}

/**
 * Suspends or lifts the suspension of a live account and returns its id, or null when the handle has no
 * such account. Suspending also ends every login it has, in the same transaction.
 */
export async function setSuspended(db: Db, handle: string, suspended: boolean, now = new Date()) {
  const at = now.toISOString();
  const live = and(eq(users.handle, handle), isNull(users.deletedAt));
  const [rows] = await db.batch([
    db
      .update(users)
      .set({ suspendedAt: suspended ? sql`coalesce(${users.suspendedAt}, ${at})` : null })
      .where(live)
      .returning({ id: users.id }),
    db
      .update(logins)
      .set({ revokedAt: at })
      .where(
        and(
          sql`${suspended ? 1 : 0} = 1`,
          isNull(logins.revokedAt),
          inArray(logins.userId, db.select({ id: users.id }).from(users).where(live)),
        ),
      ),
  ]);
  return rows[0]?.id ?? null;
}
