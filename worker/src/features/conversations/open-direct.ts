import type { SQLWrapper } from 'drizzle-orm';
import { directKeyOf, findDirect, getOrCreateDirect } from '../../conversation-store/direct-chats.ts';
import type { Step, StepResults } from '../../db/raw-batch.ts';
import type { Db } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { findVisibleUser } from '../people/queries.ts';
import { denialError } from './dm-policy-checks.ts';
import { decideEach } from './dm-policy-facts.ts';

/**
 * The direct conversation with `handle`: the existing one, or a new one if the policy allows it, with
 * `reads` (given its id as a subquery) run in the creating transaction; an existing one has no `read`.
 */
export async function openDirect<const R extends readonly Step[]>(
  db: Db,
  viewerId: string,
  handle: string,
  reads: (id: SQLWrapper) => R,
): Promise<{ id: string; created: boolean; read?: StepResults<R> }> {
  // Someone who blocked the viewer is "no such user" here too, exactly as on their profile.
  const other = await findVisibleUser(db, viewerId, handle);
  if (!other) throw notFound('No such user');
  if (other.id === viewerId) {
    throw new ApiError('invalid_request', 'You cannot message yourself', {
      details: { issues: [{ path: 'members.0', message: 'is your own handle' }] },
    });
  }
  const directKey = directKeyOf(viewerId, other.id);
  const existing = await findDirect(db, directKey);
  if (existing) return { id: existing.id, created: false };
  const decision = (await decideEach(db, viewerId, [other.id])).get(other.id);
  if (!decision) throw denialError('cannot_message');
  if (!decision.allowed) throw denialError(decision.denial);
  return getOrCreateDirect(
    db,
    { creatorId: viewerId, otherId: other.id, directKey, otherStatus: decision.status },
    reads,
  );
}
