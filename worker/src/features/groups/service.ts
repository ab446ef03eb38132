import { changeWithEvent, type GroupChange } from '../../conversation-store/group-change.ts';
import {
  capGuard,
  groupCreatedWith,
  isDuplicateGroupKey,
  isOverCap,
  leaveStatement,
  newGroupStatement,
  passOwnership,
  removeMemberStatement,
  renameStatement,
  upsertMembers,
} from '../../conversation-store/group-membership.ts';
import { type Membership, memberRows } from '../../conversation-store/membership.ts';
import type { Db, Env } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { limitsOf } from '../../lib/config.ts';
import { newId } from '../../lib/ids.ts';
import { getUserById } from '../account/queries.ts';
import { overLimitAnswer, refuseGoneForGood, requestsCounted } from './invitee-rules.ts';
import { admissions, peopleByHandles, personByHandle } from './queries.ts';
import { assertTeensAmongFriends } from './teen-rule.ts';

/** The group operations of the API; each stores its member change and the event message in one transaction. */

async function actorOf(db: Db, userId: string) {
  const user = await getUserById(db, userId);
  if (!user?.handle) throw new ApiError('unauthorized', 'This account no longer exists');
  return { id: user.id, handle: user.handle };
}

function tooMany(cap: number): ApiError {
  return new ApiError('invalid_request', `A group has at most ${cap} members`, {
    details: { issues: [{ path: 'handles', message: `at most ${cap} members, creator included` }] },
  });
}

function requireGroup(membership: Membership) {
  if (membership.conversation.kind !== 'group') {
    throw new ApiError('invalid_request', 'Only group conversations have members to change or a title');
  }
}

/**
 * A new group of the creator (owner) and 2–31 invitees, each admitted by their own DM policy. With a
 * `clientId`, the group this creator already made with it is the answer (`created: false`), checked before
 * anything else and held by a unique index should two attempts race: a retry makes no second group.
 */
export async function createGroup(
  db: Db,
  env: Env,
  creatorId: string,
  handles: string[],
  title: string | null,
  clientId: string | null = null,
): Promise<{ created: true; id: string; change: GroupChange } | { created: false; id: string }> {
  // The lookup of an earlier group runs alongside the first read the create needs anyway: no wait of its own.
  const [earlier, actor] = await Promise.all([
    clientId ? groupCreatedWith(db, creatorId, clientId) : undefined,
    actorOf(db, creatorId),
  ]);
  if (earlier) return { created: false, id: earlier };
  const invitees = (await peopleByHandles(db, creatorId, handles)).filter((p) => p.id !== creatorId);
  if (invitees.length < 2) {
    throw new ApiError('invalid_request', 'A group needs at least 2 other people', {
      details: { issues: [{ path: 'members', message: 'at least 2 handles other than your own' }] },
    });
  }
  const cap = limitsOf(env).groupMembers;
  if (invitees.length + 1 > cap) throw tooMany(cap);
  const statuses = await admissions(db, creatorId, invitees);
  await assertTeensAmongFriends(db, [creatorId], invitees);
  // Putting a group in someone's requests opens a request, like a first message does.
  const counted = requestsCounted(env, creatorId, statuses);
  const id = newId();
  const now = new Date().toISOString();
  const rows = [
    { userId: creatorId, role: 'owner', state: 'accepted' },
    ...invitees.map((p) => ({ userId: p.id, role: 'member', state: statuses.get(p.id) ?? 'request' })),
  ];
  const change = await changeWithEvent(
    db,
    id,
    actor,
    { type: 'created', targets: invitees, title },
    [upsertMembers(id, now, rows)],
    [newGroupStatement({ id, title, creatorId, clientId }, now), ...counted.statements],
  ).catch(async (error: unknown) => {
    // The same clientId won a race with this attempt: its group is the answer.
    const raced =
      clientId && isDuplicateGroupKey(error) ? await groupCreatedWith(db, creatorId, clientId) : undefined;
    if (raced) return raced;
    throw await overLimitAnswer(db, error, counted);
  });
  return typeof change === 'string' ? { created: false, id: change } : { created: true, id, change };
}

/** Any accepted member adds people, each admitted by their own policy, up to the cap. */
export async function addToGroup(
  db: Db,
  env: Env,
  membership: Membership,
  adderId: string,
  handles: string[],
) {
  requireGroup(membership);
  if (membership.member.state !== 'accepted')
    throw new ApiError('forbidden', 'Accept the group before adding people');
  const id = membership.conversation.id;
  const everyone = await memberRows(db, id);
  const current = everyone.filter((m) => m.state === 'accepted' || m.state === 'request');
  const people = (await peopleByHandles(db, adderId, handles)).filter(
    (p) => !current.some((m) => m.userId === p.id),
  );
  if (people.length === 0) return { id, change: null };
  const cap = limitsOf(env).groupMembers;
  if (current.length + people.length > cap) throw tooMany(cap);
  refuseGoneForGood(people, everyone);
  const statuses = await admissions(db, adderId, people);
  await assertTeensAmongFriends(
    db,
    current.map((m) => m.userId),
    people,
  );
  const counted = requestsCounted(env, adderId, statuses);
  const rows = people.map((p) => ({ userId: p.id, role: 'member', state: statuses.get(p.id) ?? 'request' }));
  const now = new Date().toISOString();
  const actor = await actorOf(db, adderId);
  // The count above is a fast answer; the guard in the same transaction is what holds the cap when adds race.
  const change = await changeWithEvent(
    db,
    id,
    actor,
    { type: 'added', targets: people, title: null },
    [upsertMembers(id, now, rows), capGuard(id, cap)],
    counted.statements,
  ).catch(async (error: unknown) => {
    throw isOverCap(error) ? tooMany(cap) : await overLimitAnswer(db, error, counted);
  });
  return { id, change };
}

/**
 * The owner removes a member; anyone removes themself (which is leaving). Removing someone already removed
 * is done already (a DELETE is idempotent): a retry whose first answer was lost gets its 204 again, with
 * no second change. Only the owner, still a member, gets that; anyone else is refused as before.
 */
export async function removeFromGroup(db: Db, membership: Membership, actorId: string, handle: string) {
  requireGroup(membership);
  const target = await personByHandle(db, handle);
  if (target.id === actorId) return leaveGroup(db, membership, actorId);
  if (membership.member.role !== 'owner')
    throw new ApiError('forbidden', 'Only the owner can remove members');
  const id = membership.conversation.id;
  const state = (await memberRows(db, id)).find((m) => m.userId === target.id)?.state;
  if (state === 'removed') return { id, change: null, gone: null };
  if (state !== 'accepted' && state !== 'request') throw notFound('No such member');
  const change = await changeWithEvent(
    db,
    id,
    await actorOf(db, actorId),
    { type: 'removed', targets: [target], title: null },
    [removeMemberStatement(id, target.id)],
  );
  return { id, change, gone: target.id };
}

/** Leaving a group; an owner's ownership passes to the longest-standing member. */
export async function leaveGroup(db: Db, membership: Membership, userId: string) {
  requireGroup(membership);
  const id = membership.conversation.id;
  const change = await changeWithEvent(
    db,
    id,
    await actorOf(db, userId),
    { type: 'left', targets: [], title: null },
    [leaveStatement(id, userId), passOwnership(id)],
  );
  return { id, change, gone: userId };
}

/**
 * The owner renames the group. The title it already has is no change: no event, nothing to announce (so a
 * retry whose first answer was lost tells no one twice).
 */
export async function renameGroup(db: Db, membership: Membership, actorId: string, title: string) {
  requireGroup(membership);
  if (membership.member.role !== 'owner')
    throw new ApiError('forbidden', 'Only the owner can rename the group');
  const id = membership.conversation.id;
  if (membership.conversation.title === title) return { id, change: null };
  const change = await changeWithEvent(
    db,
    id,
    await actorOf(db, actorId),
    { type: 'renamed', targets: [], title },
    [renameStatement(id, title)],
  );
  return { id, change };
}
