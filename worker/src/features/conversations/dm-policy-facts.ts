import {
  type AgeGroup,
  ageGroupOf,
  type Decision,
  decide,
  type MemberStatus,
  type PolicyFacts,
  type PolicyParty,
} from '@clipdm/shared';
import { and, eq, inArray, isNotNull, or, type SQLWrapper } from 'drizzle-orm';
import { directStatusQuery } from '../../conversation-store/direct-chats.ts';
import type { Value } from '../../db/query-templates.ts';
import { blocks, contacts, follows, identifiers, settings, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { chunked } from '../../lib/chunked.ts';

/** D1 allows 100 bound parameters per statement; recipients are looked up in chunks well below that. */
const CHUNK = 40;

function partyOf(row: {
  birthdate: string;
  suspendedAt: string | null;
  deletedAt: string | null;
}): PolicyParty {
  return {
    // A stored birthdate is always 13+; should one not be, it counts as the most protected group.
    ageGroup: (ageGroupOf(row.birthdate) ?? '13-15') as AgeGroup,
    suspended: row.suspendedAt !== null,
    deleted: row.deletedAt !== null,
  };
}

/** Each recipient's status in the existing direct conversation with the sender, when there is one. */
export type ExistingStatus = Map<string, MemberStatus | null>;

function sendersUser(db: Db, senderId: Value) {
  return db
    .select({ birthdate: users.birthdate, suspendedAt: users.suspendedAt, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, senderId));
}

/**
 * The queries for the facts about the recipients `ids` (a list, or a subquery of user ids), without
 * their status towards the sender: sender, recipients, blocks, follows, contacts.
 */
export function recipientFactQueries(db: Db, senderId: Value, ids: string[] | SQLWrapper) {
  return [
    sendersUser(db, senderId),
    db
      .select({
        id: users.id,
        birthdate: users.birthdate,
        suspendedAt: users.suspendedAt,
        deletedAt: users.deletedAt,
        policy: settings.dmPolicy,
      })
      .from(users)
      .innerJoin(settings, eq(settings.userId, users.id))
      .where(inArray(users.id, ids)),
    db
      .select({ a: blocks.blockerId, b: blocks.blockedId })
      .from(blocks)
      .where(
        or(
          and(eq(blocks.blockerId, senderId), inArray(blocks.blockedId, ids)),
          and(eq(blocks.blockedId, senderId), inArray(blocks.blockerId, ids)),
        ),
      ),
    db
      .select({ a: follows.followerId, b: follows.followeeId })
      .from(follows)
      .where(
        or(
          and(eq(follows.followerId, senderId), inArray(follows.followeeId, ids)),
          and(eq(follows.followeeId, senderId), inArray(follows.followerId, ids)),
        ),
      ),
    // Recipients whose synced contacts hold one of the sender's verified identifiers.
    db
      .selectDistinct({ id: contacts.ownerId })
      .from(identifiers)
      .innerJoin(contacts, eq(contacts.keyedHash, identifiers.keyedHash))
      .where(
        and(
          eq(identifiers.userId, senderId),
          isNotNull(identifiers.verifiedAt),
          inArray(contacts.ownerId, ids),
        ),
      ),
  ] as const;
}

/** The queries for the facts about one chunk of recipients, run together in one batch (one round trip). */
export function policyFactQueries(db: Db, senderId: Value, ids: string[] | SQLWrapper) {
  return [...recipientFactQueries(db, senderId, ids), directStatusQuery(db, senderId, ids)] as const;
}

/** What `policyFactQueries` read, in its order. */
export type PolicyFactRows = BatchResults<ReturnType<typeof policyFactQueries>>;

/** The policy facts from the rows of `policyFactQueries`, each recipient with their direct chat's status. */
export function factsFromPolicyRows(
  senderId: string,
  [senderRows, recipients, blockRows, followRows, contactRows, statusRows]: PolicyFactRows,
  existing?: ExistingStatus,
): Map<string, PolicyFacts> {
  const status = new Map(statusRows.map((r) => [r.id, r.state]));
  const rows: RecipientFactRows = [senderRows, recipients, blockRows, followRows, contactRows];
  return factsFrom(senderId, rows, (id) => (existing ? existing.get(id) : status.get(id)));
}

/** What `recipientFactQueries` read, in its order. */
export type RecipientFactRows = BatchResults<ReturnType<typeof recipientFactQueries>>;

type BatchResults<T extends readonly unknown[]> = { [K in keyof T]: Awaited<T[K]> };

/** The policy facts for each recipient the rows know of, given each one's status (`statusOf`). */
export function factsFrom(
  senderId: string,
  [senderRows, recipients, blockRows, followRows, contactRows]: RecipientFactRows,
  statusOf: (id: string) => string | null | undefined,
): Map<string, PolicyFacts> {
  const facts = new Map<string, PolicyFacts>();
  const sender = senderRows[0];
  if (!sender) return facts;
  const blocked = new Set(blockRows.map((r) => (r.a === senderId ? r.b : r.a)));
  const followed = new Set(followRows.filter((r) => r.a === senderId).map((r) => r.b));
  const following = new Set(followRows.filter((r) => r.b === senderId).map((r) => r.a));
  const inContacts = new Set(contactRows.map((r) => r.id));
  for (const r of recipients) {
    const state = statusOf(r.id);
    facts.set(r.id, {
      sender: partyOf(sender),
      recipient: { ...partyOf(r), policy: r.policy },
      blocked: blocked.has(r.id),
      recipientStatus: state === 'accepted' ? 'accepted' : state ? 'request' : null,
      senderFollowsRecipient: followed.has(r.id),
      recipientFollowsSender: following.has(r.id),
      senderInRecipientContacts: inContacts.has(r.id),
    });
  }
  return facts;
}

/**
 * The policy facts for `senderId` messaging each of `recipientIds`. `existing` gives each recipient's
 * status in the conversation at hand; without it, the status in their direct conversation is looked up.
 */
export async function gatherPolicyFacts(
  db: Db,
  senderId: string,
  recipientIds: string[],
  existing?: ExistingStatus,
): Promise<Map<string, PolicyFacts>> {
  const facts = new Map<string, PolicyFacts>();
  const ids = [...new Set(recipientIds)].filter((id) => id !== senderId);
  if (ids.length === 0) return facts;
  const results = await Promise.all(
    chunked(ids, CHUNK).map((chunk) => db.batch(policyFactQueries(db, senderId, chunk))),
  );
  for (const rows of results) {
    if (!rows[0][0]) return facts;
    for (const [id, f] of factsFromPolicyRows(senderId, rows, existing)) facts.set(id, f);
  }
  return facts;
}

/** The policy's answer for each recipient; unknown recipients are simply absent. */
export async function decideEach(
  db: Db,
  senderId: string,
  recipientIds: string[],
  existing?: ExistingStatus,
): Promise<Map<string, Decision>> {
  const facts = await gatherPolicyFacts(db, senderId, recipientIds, existing);
  return new Map([...facts].map(([id, f]) => [id, decide(f)]));
}

/** One account's own side of the policy (rule 1), or nothing for an unknown id. */
export async function partyOfUser(db: Db, userId: string): Promise<PolicyParty | undefined> {
  const [row] = await sendersUser(db, userId);
  return row ? partyOf(row) : undefined;
}

/** The sender's side of the policy from `recipientFactQueries`' rows. */
export function senderPartyOf([senderRows]: RecipientFactRows): PolicyParty | undefined {
  const [row] = senderRows;
  return row ? partyOf(row) : undefined;
}
