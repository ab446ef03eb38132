import { type AgeGroup, allowedPolicies, type DmPolicy } from './age.ts';
import type { MemberStatus } from './schemas/responses.ts';

/** What the policy needs to know about one side of a message. */
export interface PolicyParty {
  ageGroup: AgeGroup;
  suspended: boolean;
  deleted: boolean;
}

/**
 * Everything `decide` looks at when sender S wants to message recipient R. The worker gathers these in
 * as few queries as it can; nothing else influences the answer.
 */
export interface PolicyFacts {
  sender: PolicyParty;
  recipient: PolicyParty & { policy: DmPolicy };
  /** S blocks R or R blocks S. */
  blocked: boolean;
  /** R's own status in the conversation this message goes into; `null` when R is not in one yet. */
  recipientStatus: MemberStatus | null;
  senderFollowsRecipient: boolean;
  recipientFollowsSender: boolean;
  /** An identifier of S is in R's synced contacts (S is one of R's suggested friends). */
  senderInRecipientContacts: boolean;
}

/** Why a message is refused: S's own account cannot use DMs, or (one answer for every other reason) it cannot reach R. */
export type Denial = 'dms_unavailable' | 'cannot_message';

/** The answer: allowed with R's status in the conversation, or denied with the error code S sees. */
export type Decision = { allowed: true; status: MemberStatus } | { allowed: false; denial: Denial };

/** Whether an account may use DMs at all: not suspended, not deleted, not 13–15 (rule 1). */
export function dmsAvailable(party: PolicyParty): boolean {
  return !party.suspended && !party.deleted && party.ageGroup !== '13-15';
}

const unavailable = (party: PolicyParty) => !dmsAvailable(party);

/** A stored policy looser than R's age allows (it cannot be set, but never trust that) counts as `friends`. */
function effectivePolicy(recipient: PolicyFacts['recipient']): DmPolicy {
  return allowedPolicies(recipient.ageGroup).includes(recipient.policy) ? recipient.policy : 'friends';
}

/**
 * The DM policy of DESIGN.md, rule by rule — the only place the rules live.
 *
 * 1. S or R suspended, deleted or 13–15 → deny (`dms_unavailable` for S's own account, `cannot_message` for R).
 * 2. A block either way → deny.
 * 3. R's policy `no_one` → deny, even in an old conversation. (A 16–17-year-old's policy is never looser than `friends`.)
 * 4. R already accepted this conversation → allow, R stays `accepted`.
 * 5. `friends` needs a mutual follow; `suggested` a mutual follow or S in R's contacts; `everyone` allows.
 * 6. When allowed, R's status is `accepted` if R follows S, else `request`.
 * 8. Every denial other than S's own account is the same `cannot_message`, so S cannot tell why.
 * (Rule 7, the 3-message limit while R's status is `request`, is counted by the worker.)
 */
export function decide(facts: PolicyFacts): Decision {
  if (unavailable(facts.sender)) return { allowed: false, denial: 'dms_unavailable' };
  const deny: Decision = { allowed: false, denial: 'cannot_message' };
  if (unavailable(facts.recipient)) return deny;
  if (facts.blocked) return deny;
  const policy = effectivePolicy(facts.recipient);
  if (policy === 'no_one') return deny;
  if (facts.recipientStatus === 'accepted') return { allowed: true, status: 'accepted' };
  const mutual = facts.senderFollowsRecipient && facts.recipientFollowsSender;
  const reachable =
    policy === 'everyone' ||
    (policy === 'friends' && mutual) ||
    (policy === 'suggested' && (mutual || facts.senderInRecipientContacts));
  if (!reachable) return deny;
  return { allowed: true, status: facts.recipientFollowsSender ? 'accepted' : 'request' };
}
