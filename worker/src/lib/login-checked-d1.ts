import { ApiError } from './api-error.ts';

/**
 * The liveness check of a login, riding in the request's own first D1 call.
 *
 * Access tokens are signed and not looked up, so on its own a token would outlive a logout, a detected
 * refresh-token reuse, an account deletion or a suspension by up to 15 minutes. Instead of an extra round
 * trip, the D1 binding a signed-in request uses is wrapped: its first call — a batch, or one statement —
 * goes out as a batch with this statement in front. The statement fails (SQLite's own JSON path error, the
 * one way to abort from plain SQL) when the login is not live, and D1 runs a batch as one transaction, so
 * nothing the request meant to write is kept: the caller gets `401` and the data is as it was. Calls made
 * before that first one has answered carry the check too (parallel reads of one request), later ones do not.
 */

/** The path that names the failure in SQLite's error text ("bad JSON path: 'login_ended'"). */
const LOGIN_ENDED = 'login_ended';

function livenessStatement(binding: D1Database, login: Login): D1PreparedStatement {
  return binding
    .prepare(
      `select json_extract('{}', case when exists (
        select 1 from logins join users on users.id = logins.user_id
        where logins.id = ?1 and logins.user_id = ?2 and logins.revoked_at is null and users.deleted_at is null
      ) then '$' else '${LOGIN_ENDED}' end) as live`,
    )
    .bind(login.loginId, login.userId);
}

export interface Login {
  userId: string;
  loginId: string;
}

/** Whether a failed D1 call was stopped by the liveness statement. */
export function isLoginEnded(error: unknown): boolean {
  return (
    String(error).includes(LOGIN_ENDED) || String((error as { cause?: unknown })?.cause).includes(LOGIN_ENDED)
  );
}

const signedOut = () => new ApiError('unauthorized', 'This sign-in has ended; sign in again');

/** What the wrapper needs to re-issue a statement: its SQL and bound parameters. */
interface Recorded {
  sql: string;
  params: unknown[];
  real: D1PreparedStatement;
}

/**
 * Rows of a batch come back as objects keyed by column name; `raw()` wants arrays. Running a SELECT as
 * `select * from (…)` makes SQLite give duplicate names distinct ones (`id`, `id:1`) in select-list order,
 * so the object's values are the row's columns in order. Other statements (`… returning`) name one
 * table's columns, which never repeat.
 */
function forRaw(binding: D1Database, recorded: Recorded): D1PreparedStatement {
  if (!/^\s*(select|with)\b/i.test(recorded.sql)) return recorded.real;
  return binding.prepare(`select * from (${recorded.sql})`).bind(...recorded.params);
}

/** The D1 binding of one signed-in request: its first call carries the liveness check of `login`. */
export function loginCheckedD1(binding: D1Database, login: Login): D1Database {
  let confirmed = false;
  const recorded = new WeakMap<D1PreparedStatement, Recorded>();

  /** Runs `statements` with the check in front (until one call has confirmed it) and returns their results. */
  async function checkedBatch(statements: D1PreparedStatement[]): Promise<D1Result[]> {
    if (confirmed) return binding.batch(statements);
    try {
      const [, ...results] = await binding.batch([livenessStatement(binding, login), ...statements]);
      confirmed = true;
      return results;
    } catch (error) {
      if (isLoginEnded(error)) throw signedOut();
      throw error;
    }
  }

  function wrap(entry: Recorded): D1PreparedStatement {
    const statement: D1PreparedStatement = new Proxy(entry.real, {
      get(target, key) {
        if (key === 'bind')
          return (...params: unknown[]) => wrap({ sql: entry.sql, params, real: target.bind(...params) });
        if (confirmed || typeof key !== 'string' || !['first', 'all', 'run', 'raw'].includes(key)) {
          const value = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        }
        if (key === 'all' || key === 'run') return async () => (await checkedBatch([target]))[0];
        if (key === 'first')
          return async (column?: string) => {
            const row = ((await checkedBatch([target]))[0]?.results[0] ?? null) as Record<
              string,
              unknown
            > | null;
            return column === undefined || row === null ? row : (row[column] ?? null);
          };
        return async (options?: { columnNames?: boolean }) => {
          const rows = ((await checkedBatch([forRaw(binding, entry)]))[0]?.results ?? []) as Record<
            string,
            unknown
          >[];
          // A column named like an array index ("1") would be moved first by JavaScript's key order, and the
          // names of repeated columns come back renamed ("id:1"). Both are rare (an unnamed literal in a select
          // list; asking for column names): the login is confirmed by now, so ask D1 for the raw rows.
          const numbered = Object.keys(rows[0] ?? {}).some((key) => /^(0|[1-9]\d*)$/.test(key));
          if (options?.columnNames) return target.raw({ columnNames: true });
          if (numbered) return target.raw();
          return rows.map((row) => Object.values(row));
        };
      },
    });
    recorded.set(statement, entry);
    return statement;
  }

  return new Proxy(binding, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => wrap({ sql, params: [], real: target.prepare(sql) });
      if (key === 'batch')
        return (statements: D1PreparedStatement[]) =>
          checkedBatch(statements.map((s) => recorded.get(s)?.real ?? s));
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
