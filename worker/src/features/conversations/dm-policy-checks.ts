import {
  type Decision,
  type Denial,
  decide,
  dmsAvailable,
  type MemberStatus,
  type PolicyParty,
} from '@clipdm/shared';
import type { Db } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import {
  decideEach,
  type ExistingStatus,
  factsFrom,
  partyOfUser,
  type RecipientFactRows,
} from './dm-policy-facts.ts';

/** The DM policy's checks that refuse: each throws the denial as the error the sender sees. */

/** The error a denial is answered with; every `cannot_message` reads the same, whatever the reason (rule 8). */
export function denialError(denial: Denial): ApiError {
  return denial === 'dms_unavailable'
    ? new ApiError('dms_unavailable', 'Your account cannot use messages')
    : new ApiError('cannot_message', 'You cannot message this account');
}

/** Rule 1 for one account's own side: throws `dms_unavailable` unless it may use DMs (groups check this per message). */
export async function requireDmsAvailable(db: Db, userId: string): Promise<void> {
  assertDmsAvailable(await partyOfUser(db, userId));
}

/** Rule 1 on an account already read (`sendersUser`'s row of it, when there was one). */
export function assertDmsAvailable(party: PolicyParty | undefined): void {
  if (!party || !dmsAvailable(party)) throw denialError('dms_unavailable');
}

/**
 * The policy for `senderId` messaging the other member of a direct conversation, given that member's
 * state there: the decision when allowed, otherwise the denial thrown as the error the sender sees.
 */
export async function requireDirectAllowed(
  db: Db,
  senderId: string,
  other: { userId: string; state: string },
): Promise<{ allowed: true; status: MemberStatus }> {
  const existing: ExistingStatus = new Map([[other.userId, statusOfState(other.state)]]);
  return allowedOrThrow((await decideEach(db, senderId, [other.userId], existing)).get(other.userId));
}

/** `requireDirectAllowed` on facts already read with `recipientFactQueries` for that other member. */
export function requireDirectAllowedFrom(
  senderId: string,
  other: { userId: string; state: string },
  rows: RecipientFactRows,
): { allowed: true; status: MemberStatus } {
  const state = statusOfState(other.state);
  const facts = factsFrom(senderId, rows, (id) => (id === other.userId ? state : undefined)).get(
    other.userId,
  );
  return allowedOrThrow(facts ? decide(facts) : undefined);
}

/** A member's state in the conversation at hand as the policy's recipient status. */
function statusOfState(state: string): MemberStatus {
  return state === 'accepted' ? 'accepted' : 'request';
}

function allowedOrThrow(decision: Decision | undefined): { allowed: true; status: MemberStatus } {
  if (!decision) throw denialError('cannot_message');
  if (!decision.allowed) throw denialError(decision.denial);
  return decision;
}
