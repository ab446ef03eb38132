import { fillPlaceholders, type Placeholder, type Query } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle } from 'drizzle-orm/d1';
import type { Db } from '../env.ts';

/**
 * Queries built once per isolate, with `sql.placeholder(…)` where their values go; each use only fills the
 * values in. Building a drizzle query (its SQL objects, then the SQL text) was about a quarter of a send's
 * CPU in a profile of the bench (docs/performance.md), for statements whose text never changes.
 *
 * drizzle's own `.prepare()` does not fit: it binds the statement to the database it was built on, and
 * every request here reads through its own D1 session (`db/request-database.ts`); and drizzle's batch binds
 * a prepared query's parameters without filling its placeholders. So a template keeps what drizzle's D1
 * batch keeps of a query — the SQL with its parameters, and the mapping of D1's result to typed rows —
 * and `runAsTransaction` (`db/raw-batch.ts`) binds the filled parameters on the request's session.
 */

/** A value of a query that may be built as a template: the value itself, or the placeholder it fills. */
export type Value<T = string> = T | Placeholder;

/** What drizzle's `_prepare()` gives back (internal in its types; drizzle's D1 batch calls it too). */
export interface PreparedStep {
  getQuery(): Query;
  mapResult(result: unknown, isFromBatch?: boolean): unknown;
}

/** A template's query with this use's values: a step of `runAsTransaction`, typed as the query it was built from. */
export interface FilledStep<Q extends BatchItem<'sqlite'>> {
  readonly prepared: PreparedStep;
  readonly params: unknown[];
  /** Only carries the query's result type. */
  readonly built?: Q;
}

type Filled<T extends readonly BatchItem<'sqlite'>[]> = { -readonly [K in keyof T]: FilledStep<T[K]> };

/**
 * A drizzle that only builds: its `prepare` never reaches a database, since a template's statements are
 * bound on each request's own session instead.
 */
const builder: Db = drizzle({ prepare: () => ({}) } as unknown as D1Database);

/**
 * `build` runs once, on first use, with placeholders in place of values; `fill(values)` gives the steps for
 * `runAsTransaction`, in `build`'s order, for this use's values (every placeholder must have one).
 */
export function queryTemplate<const T extends readonly BatchItem<'sqlite'>[]>(build: (db: Db) => T) {
  let prepared: PreparedStep[] | undefined;
  return {
    fill(values: Record<string, unknown>): Filled<T> {
      prepared ??= build(builder).map((query) =>
        (query as unknown as { _prepare(): PreparedStep })._prepare(),
      );
      return prepared.map((step) => ({
        prepared: step,
        params: fillPlaceholders(step.getQuery().params, values),
      })) as unknown as Filled<T>;
    },
  };
}

export function isFilledStep(step: unknown): step is FilledStep<BatchItem<'sqlite'>> {
  return typeof step === 'object' && step !== null && 'prepared' in step && 'params' in step;
}
