import { memberRows } from '../../conversation-store/membership.ts';
import type { MemberMessage } from '../../conversation-store/message-actions.ts';
import type { Db } from '../../env.ts';
import { ApiError, notFound } from '../../lib/api-error.ts';
import { denialError, requireDirectAllowed, requireDmsAvailable } from '../conversations/dm-policy-checks.ts';

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
  if (message.conversationKind === 'group') return requireDmsAvailable(db, viewerId);
  const other = (await memberRows(db, message.conversationId)).find((m) => m.userId !== viewerId);
  if (!other) throw denialError('cannot_message');
  await requireDirectAllowed(db, viewerId, other);
}
