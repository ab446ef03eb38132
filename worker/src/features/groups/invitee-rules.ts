import type { Db, Env } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { newRequestLimit } from '../../lib/limits.ts';
import {
  type Limit,
  limitStatements,
  overLimitName,
  rateLimited,
  retryAfterSeconds,
} from '../../lib/rate-limits.ts';

/** The rules about who may be put into a group, beyond each invitee's own DM policy (`admissions`). */

/**
 * Every invitee who lands in `request` is one new request of the adder (the 20 a day): their hits, and the
 * check, ride in the group change's own transaction, so a group that would pass the limit is refused whole.
 */
export function requestsCounted(env: Env, adderId: string, statuses: Map<string, string>) {
  const n = [...statuses.values()].filter((s) => s === 'request').length;
  const limit = newRequestLimit(env, adderId);
  return { limit, n, statements: n > 0 ? limitStatements(limit, n) : [] };
}

/** The `429` for a group change stopped by `requestsCounted`'s check; any other error as it was. */
export async function overLimitAnswer(db: Db, error: unknown, counted: { limit: Limit; n: number }) {
  if (overLimitName(error) !== counted.limit.name) return error;
  return rateLimited(
    'Too many new message requests today',
    await retryAfterSeconds(db, counted.limit, counted.n),
  );
}

/** People who declined this group, or left it: adding them again reads like a policy denial. */
export function refuseGoneForGood(
  people: { id: string; handle: string }[],
  rows: { userId: string; state: string }[],
) {
  const gone = new Set(rows.filter((m) => m.state === 'declined' || m.state === 'left').map((m) => m.userId));
  const refused = people.filter((p) => gone.has(p.id)).map((p) => p.handle);
  if (refused.length > 0) {
    throw new ApiError('cannot_message', 'Some of these people cannot be added', {
      details: { handles: refused },
    });
  }
}
