import { is, type Query, SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../env.ts';
import { type FilledStep, isFilledStep, type PreparedStep } from './query-templates.ts';

const dialect = new SQLiteAsyncDialect();

/**
 * One step of a transaction: a raw statement, a drizzle query (select, insert, update, delete), or a query
 * template filled with this use's values (`db/query-templates.ts`).
 */
export type Step = SQL | BatchItem<'sqlite'> | FilledStep<BatchItem<'sqlite'>>;

/** What a step gives back: D1's own result for a raw statement, drizzle's mapped rows for a query. */
type StepResult<S> = S extends SQL
  ? D1Result
  : S extends FilledStep<infer Q>
    ? Q['_']['result']
    : S extends BatchItem<'sqlite'>
      ? S['_']['result']
      : never;

export type StepResults<T extends readonly Step[]> = { -readonly [K in keyof T]: StepResult<T[K]> };

/**
 * A step as the binding needs it: its SQL with parameters, and the mapping of D1's result (none for raw
 * SQL). `_prepare` is marked internal in drizzle's types, but it is exactly what drizzle's own D1 batch calls
 * (`drizzle-orm/d1/session.js`, `batch`).
 */
function prepareStep(step: Step): { query: Query; prepared: PreparedStep | null } {
  if (is(step, SQL)) return { query: dialect.sqlToQuery(step), prepared: null };
  if (isFilledStep(step)) {
    return { query: { sql: step.prepared.getQuery().sql, params: step.params }, prepared: step.prepared };
  }
  const prepared = (step as unknown as { _prepare(): PreparedStep })._prepare();
  return { query: prepared.getQuery(), prepared };
}

/**
 * Runs statements as one D1 batch, which D1 executes as a single transaction: a fault fails all of it and
 * nothing is stored. Steps are raw SQL or drizzle queries, in any order. drizzle's own `db.batch` cannot
 * bind parameters of raw `sql` statements (drizzle-orm#2277, "`sql` in D1 batch causes TypeError: Cannot
 * read properties of undefined (reading 'bind')"), hence this thin path to the binding; drizzle queries
 * are prepared and their results mapped the way drizzle's D1 batch does it, so a write and the reads its
 * response needs (a view, the new rows) ride in the same transaction: the response never needs a second
 * round trip after the commit, which could fail and answer 503 for a write that is stored.
 * The guarded writes that go through it (an insert only while a count holds, a cap check that aborts the
 * transaction) are raw for the same reason: they must share one batch with the statements they guard.
 */
export async function runAsTransaction<const T extends readonly Step[]>(
  db: Db,
  steps: T,
): Promise<StepResults<T>> {
  // `drizzle(binding)` keeps the binding as `$client`; the shared `Db` type just does not spell it out.
  const client = (db as Db & { $client: D1Database }).$client;
  const ready = steps.map(prepareStep);
  const results = await client.batch(
    ready.map(({ query }) => client.prepare(query.sql).bind(...query.params)),
  );
  return results.map((result, i) => {
    const prepared = ready[i]?.prepared;
    return prepared ? prepared.mapResult(result, true) : result;
  }) as StepResults<T>;
}

/**
 * `runAsTransaction` for a write and the reads after it: one transaction, so the reads see the write and a
 * fault fails both. Answers the reads' results only, typed one by one.
 */
export async function writeThenRead<const R extends readonly Step[]>(
  db: Db,
  writes: readonly Step[],
  reads: R,
): Promise<StepResults<R>> {
  const results = await runAsTransaction(db, [...writes, ...reads]);
  return results.slice(writes.length) as StepResults<R>;
}

/** The SQL text and parameters of a raw statement (for `EXPLAIN QUERY PLAN` checks). */
export function toQuery(statement: SQL): { sql: string; params: unknown[] } {
  return dialect.sqlToQuery(statement);
}
