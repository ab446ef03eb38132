import { dmsAvailable } from '@clipdm/shared';
import { memberRows } from '../db/conversations.ts';
import type { MemberMessage } from '../db/message-actions.ts';
import { decideEach, partyOfUser } from '../db/policy-facts.ts';
import type { Db } from '../env.ts';
import { ApiError, notFound } from './api-error.ts';

/**
 * Reacting is a way of messaging, so it follows the DM policy: only to live chat messages, only once the
 * caller has accepted the conversation, and only while they could send there — in a direct conversation
 * the policy towards the other member (blocks, suspension, `no_one`…), in a group their own account's
 * standing (groups check the policy when members are added).
 */
export async function assertMayReact(db: Db, viewerId: string, message: MemberMessage) {
  if (message.kind === 'event' || message.unsentAt) throw notFound('No such message');
  if (message.viewerState !== 'accepted') {
    throw new ApiError('forbidden', 'Accept the request before reacting to it');
  }
  if (message.conversationKind === 'group') {
    const party = await partyOfUser(db, viewerId);
    if (!party || !dmsAvailable(party))
      throw new ApiError('dms_unavailable', 'Your account cannot use messages');
    return;
  }
  const other = (await memberRows(db, message.conversationId)).find((m) => m.userId !== viewerId);
  if (!other) throw new ApiError('cannot_message', 'You cannot message this account');
  const existing = new Map([
    [other.userId, other.state === 'accepted' ? ('accepted' as const) : ('request' as const)],
  ]);
  const decision = (await decideEach(db, viewerId, [other.userId], existing)).get(other.userId);
  if (!decision) throw new ApiError('cannot_message', 'You cannot message this account');
  if (!decision.allowed) {
    throw new ApiError(
      decision.denial,
      decision.denial === 'dms_unavailable'
        ? 'Your account cannot use messages'
        : 'You cannot message this account',
    );
  }
}
