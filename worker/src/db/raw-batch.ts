import type { SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../env.ts';

const dialect = new SQLiteAsyncDialect();

/**
 * Runs raw SQL statements as one D1 batch, which D1 executes as a single transaction. drizzle's own
 * `db.batch` cannot bind parameters of raw `sql` statements (drizzle-orm#2277, "`sql` in D1 batch causes
 * TypeError: Cannot read properties of undefined (reading 'bind')"), hence this thin path to the binding.
 * The guarded writes that go through it (an insert only while a count holds, a cap check that aborts the
 * transaction) are raw for the same reason: they must share one batch with the statements they guard.
 */
export async function runAsTransaction(db: Db, statements: SQL[]): Promise<D1Result[]> {
  // `drizzle(binding)` keeps the binding as `$client`; the shared `Db` type just does not spell it out.
  const client = (db as Db & { $client: D1Database }).$client;
  return client.batch(
    statements.map((statement) => {
      const query = dialect.sqlToQuery(statement);
      return client.prepare(query.sql).bind(...query.params);
    }),
  );
}

/** The SQL text and parameters of a raw statement (for `EXPLAIN QUERY PLAN` checks). */
export function toQuery(statement: SQL): { sql: string; params: unknown[] } {
  return dialect.sqlToQuery(statement);
}
