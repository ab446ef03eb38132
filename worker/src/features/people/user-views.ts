import { decide, type PolicyFacts, type User } from '@clipdm/shared';
import type { Db } from '../../env.ts';
import type { UserRow } from '../account/queries.ts';
import { gatherPolicyFacts } from '../conversations/dm-policy-facts.ts';

/**
 * Turns user rows into the `User` objects the viewer sees. The policy facts already hold the follows both
 * ways, so one batch per 40 people answers `youFollow`, `followsYou` and `canMessage` together. Accounts
 * without facts (the viewer themself, deleted ones) follow nobody and cannot be messaged.
 */
export async function toUserViews(db: Db, viewerId: string, rows: UserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const facts = await gatherPolicyFacts(
    db,
    viewerId,
    rows.map((r) => r.id),
  );
  return userViewsFrom(rows, facts);
}

/** The `User` objects of `rows` from the viewer's policy facts about each (none: follows nobody). */
export function userViewsFrom(rows: UserRow[], facts: Map<string, PolicyFacts>): User[] {
  return rows.map((row) => {
    const fact = facts.get(row.id);
    const youFollow = fact?.senderFollowsRecipient ?? false;
    const followsYou = fact?.recipientFollowsSender ?? false;
    return {
      id: row.id,
      handle: row.handle ?? '',
      displayName: row.displayName,
      avatarUrl: row.avatarUrl,
      verified: row.verified,
      youFollow,
      followsYou,
      isFriend: youFollow && followsYou,
      canMessage: fact ? decide(fact).allowed : false,
    };
  });
}
