import type { MemberStatus } from '@clipdm/shared';
import { and, eq, inArray, isNull, notExists } from 'drizzle-orm';
import { blocks, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { denialError } from '../conversations/dm-policy-checks.ts';
import { decideEach } from '../conversations/dm-policy-facts.ts';

type Person = { id: string; handle: string };

/**
 * The live accounts behind handles, as `viewerId` may see them; any unknown handle is a 404 naming the ones
 * not found. An account that blocked the viewer is one of those: it looks exactly like no account at all.
 */
export async function peopleByHandles(db: Db, viewerId: string, handles: string[]): Promise<Person[]> {
  const wanted = [...new Set(handles)];
  const blockedViewer = db
    .select({ one: blocks.blockerId })
    .from(blocks)
    .where(and(eq(blocks.blockerId, users.id), eq(blocks.blockedId, viewerId)));
  const rows = await db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(inArray(users.handle, wanted), isNull(users.deletedAt), notExists(blockedViewer)));
  const found = rows.flatMap((r) => (r.handle ? [{ id: r.id, handle: r.handle }] : []));
  const missing = wanted.filter((h) => !found.some((p) => p.handle === h));
  if (missing.length > 0) throw new ApiError('not_found', 'No such user', { details: { handles: missing } });
  return found;
}

/**
 * Each invitee checked against their own DM policy as if the adder were messaging them: the status they
 * join with (`request` unless they follow the adder), or `403 cannot_message` naming those who cannot be
 * added (13–15-year-olds among them).
 */
export async function admissions(
  db: Db,
  adderId: string,
  invitees: Person[],
): Promise<Map<string, MemberStatus>> {
  const ids = invitees.map((p) => p.id);
  const decisions = await decideEach(db, adderId, ids, new Map(ids.map((id) => [id, null])));
  const statuses = new Map<string, MemberStatus>();
  const refused: string[] = [];
  for (const person of invitees) {
    const decision = decisions.get(person.id);
    if (decision?.allowed === false && decision.denial === 'dms_unavailable') {
      throw denialError('dms_unavailable');
    }
    if (decision?.allowed) statuses.set(person.id, decision.status);
    else refused.push(person.handle);
  }
  if (refused.length > 0) {
    throw new ApiError('cannot_message', 'Some of these people cannot be added', {
      details: { handles: refused },
    });
  }
  return statuses;
}

/** The live account behind a handle, for member removal; 404 when unknown. */
export async function personByHandle(db: Db, handle: string): Promise<Person> {
  const [row] = await db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(eq(users.handle, handle), isNull(users.deletedAt)))
    .limit(1);
  if (!row?.handle) throw notFound('No such member');
  return { id: row.id, handle: row.handle };
}
