/** What a D1 failure says when it is the platform's and not the query's: overload, a dropped connection, a reset. */
const TRANSIENT =
  /D1_ERROR|D1 DB|D1_RESET|Network connection lost|storage (?:operation )?(?:exceeded|reset)|overloaded/i;
/** A query's own mistake, which a retry would repeat: still a 500, so it is seen and fixed. */
const PERMANENT = /constraint|syntax error|no such (?:table|column)|SQLITE_ERROR|datatype mismatch/i;

/**
 * True when `error`, or an error it wraps (drizzle wraps the driver's error in `cause`), is D1 failing for
 * a reason a retry can outlive. Those become `503` with `Retry-After` instead of `500`.
 */
export function isStorageUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (PERMANENT.test(e.message)) return false;
    if (TRANSIENT.test(e.message)) return true;
  }
  return false;
}
