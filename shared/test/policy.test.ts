import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgeGroup, DmPolicy } from '../src/age.ts';
import { type Decision, decide, type PolicyFacts } from '../src/policy.ts';
import type { MemberStatus } from '../src/schemas/responses.ts';

type Follow = 'none' | 'S→R' | 'R→S' | 'mutual';
type Account = 'active' | 'suspended' | 'deleted';

const POLICIES: DmPolicy[] = ['everyone', 'suggested', 'friends', 'no_one'];
const FOLLOWS: Follow[] = ['none', 'S→R', 'R→S', 'mutual'];
const AGES: AgeGroup[] = ['13-15', '16-17', 'adult'];
const STATUSES: (MemberStatus | null)[] = [null, 'request', 'accepted'];
const ACCOUNTS: Account[] = ['active', 'suspended', 'deleted'];

interface Combo {
  policy: DmPolicy;
  follow: Follow;
  senderAge: AgeGroup;
  recipientAge: AgeGroup;
  senderAccount: Account;
  recipientAccount: Account;
  blocked: boolean;
  status: MemberStatus | null;
  inContacts: boolean;
}

function factsOf(c: Combo): PolicyFacts {
  return {
    sender: {
      ageGroup: c.senderAge,
      suspended: c.senderAccount === 'suspended',
      deleted: c.senderAccount === 'deleted',
    },
    recipient: {
      ageGroup: c.recipientAge,
      suspended: c.recipientAccount === 'suspended',
      deleted: c.recipientAccount === 'deleted',
      policy: c.policy,
    },
    blocked: c.blocked,
    recipientStatus: c.status,
    senderFollowsRecipient: c.follow === 'S→R' || c.follow === 'mutual',
    recipientFollowsSender: c.follow === 'R→S' || c.follow === 'mutual',
    senderInRecipientContacts: c.inContacts,
  };
}

const adults = (over: Partial<Combo>): Combo => ({
  policy: 'everyone',
  follow: 'none',
  senderAge: 'adult',
  recipientAge: 'adult',
  senderAccount: 'active',
  recipientAccount: 'active',
  blocked: false,
  status: null,
  inContacts: false,
  ...over,
});

/** Every combination of policy × follow direction × both ages × both accounts × block × status × contacts. */
function* everyCombination(): Generator<Combo> {
  for (const policy of POLICIES)
    for (const follow of FOLLOWS)
      for (const senderAge of AGES)
        for (const recipientAge of AGES)
          for (const senderAccount of ACCOUNTS)
            for (const recipientAccount of ACCOUNTS)
              for (const blocked of [false, true])
                for (const status of STATUSES)
                  for (const inContacts of [false, true])
                    yield {
                      policy,
                      follow,
                      senderAge,
                      recipientAge,
                      senderAccount,
                      recipientAccount,
                      blocked,
                      status,
                      inContacts,
                    };
}

const ALL = [...everyCombination()];
const DENY: Decision = { allowed: false, denial: 'cannot_message' };
const REQUEST: Decision = { allowed: true, status: 'request' };
const ACCEPTED: Decision = { allowed: true, status: 'accepted' };

describe('decide: rules 5 and 6 between two active adults, no block, no existing conversation', () => {
  // [R's policy, follow direction, S in R's contacts, expected]
  const table: [DmPolicy, Follow, boolean, Decision][] = [
    ['everyone', 'none', false, REQUEST],
    ['everyone', 'none', true, REQUEST],
    ['everyone', 'S→R', false, REQUEST],
    ['everyone', 'S→R', true, REQUEST],
    ['everyone', 'R→S', false, ACCEPTED],
    ['everyone', 'R→S', true, ACCEPTED],
    ['everyone', 'mutual', false, ACCEPTED],
    ['everyone', 'mutual', true, ACCEPTED],
    ['suggested', 'none', false, DENY],
    ['suggested', 'none', true, REQUEST],
    ['suggested', 'S→R', false, DENY],
    ['suggested', 'S→R', true, REQUEST],
    ['suggested', 'R→S', false, DENY],
    ['suggested', 'R→S', true, ACCEPTED],
    ['suggested', 'mutual', false, ACCEPTED],
    ['suggested', 'mutual', true, ACCEPTED],
    ['friends', 'none', false, DENY],
    ['friends', 'none', true, DENY],
    ['friends', 'S→R', false, DENY],
    ['friends', 'S→R', true, DENY],
    ['friends', 'R→S', false, DENY],
    ['friends', 'R→S', true, DENY],
    ['friends', 'mutual', false, ACCEPTED],
    ['friends', 'mutual', true, ACCEPTED],
    ['no_one', 'none', false, DENY],
    ['no_one', 'none', true, DENY],
    ['no_one', 'S→R', false, DENY],
    ['no_one', 'S→R', true, DENY],
    ['no_one', 'R→S', false, DENY],
    ['no_one', 'R→S', true, DENY],
    ['no_one', 'mutual', false, DENY],
    ['no_one', 'mutual', true, DENY],
  ];
  it.each(table)('policy %s, follows %s, in contacts %s', (policy, follow, inContacts, expected) => {
    expect(decide(factsOf(adults({ policy, follow, inContacts })))).toEqual(expected);
    // A pending request is judged again exactly like a first message.
    expect(decide(factsOf(adults({ policy, follow, inContacts, status: 'request' })))).toEqual(expected);
  });
});

describe('decide: rule 4, an accepted conversation continues', () => {
  it.each(POLICIES.filter((p) => p !== 'no_one').flatMap((p) => FOLLOWS.map((f) => [p, f] as const)))(
    'policy %s, follows %s → accepted',
    (policy, follow) => {
      expect(decide(factsOf(adults({ policy, follow, status: 'accepted' })))).toEqual(ACCEPTED);
    },
  );
});

describe('decide: 16–17-year-old recipients', () => {
  it.each(FOLLOWS)('with policy friends, follows %s: only mutual friends get through', (follow) => {
    const result = decide(factsOf(adults({ recipientAge: '16-17', policy: 'friends', follow })));
    expect(result).toEqual(follow === 'mutual' ? ACCEPTED : DENY);
  });
  it.each(['everyone', 'suggested'] as const)('a stored %s policy still means friends only', (policy) => {
    expect(decide(factsOf(adults({ recipientAge: '16-17', policy, inContacts: true })))).toEqual(DENY);
    expect(decide(factsOf(adults({ recipientAge: '16-17', policy, follow: 'mutual' })))).toEqual(ACCEPTED);
  });
});

describe('decide: every combination, rule by rule', () => {
  it(`covers ${ALL.length} combinations`, () => {
    expect(ALL.length).toBe(4 * 4 * 3 * 3 * 3 * 3 * 2 * 3 * 2);
  });

  it('rule 1: a sender who is 13–15, suspended or deleted gets dms_unavailable, whatever else holds', () => {
    for (const c of ALL.filter((c) => c.senderAge === '13-15' || c.senderAccount !== 'active')) {
      expect(decide(factsOf(c))).toEqual({ allowed: false, denial: 'dms_unavailable' });
    }
  });

  const senderOk = ALL.filter((c) => c.senderAge !== '13-15' && c.senderAccount === 'active');

  it('rule 1: a recipient who is 13–15, suspended or deleted cannot be messaged', () => {
    for (const c of senderOk.filter((c) => c.recipientAge === '13-15' || c.recipientAccount !== 'active')) {
      expect(decide(factsOf(c))).toEqual(DENY);
    }
  });

  const bothOk = senderOk.filter((c) => c.recipientAge !== '13-15' && c.recipientAccount === 'active');

  it('rule 2: a block either way denies, even in an accepted conversation', () => {
    for (const c of bothOk.filter((c) => c.blocked)) expect(decide(factsOf(c))).toEqual(DENY);
  });

  it('rule 3: no_one denies, even in an accepted conversation', () => {
    for (const c of bothOk.filter((c) => c.policy === 'no_one')) expect(decide(factsOf(c))).toEqual(DENY);
  });

  const open = bothOk.filter((c) => !c.blocked && c.policy !== 'no_one');

  it('rule 4: otherwise an accepted conversation stays accepted', () => {
    for (const c of open.filter((c) => c.status === 'accepted')) expect(decide(factsOf(c))).toEqual(ACCEPTED);
  });

  it('rules 5 and 6: the rest follows the table above (minors clamped to friends)', () => {
    for (const c of open.filter((c) => c.status !== 'accepted')) {
      const policy = c.recipientAge === '16-17' ? 'friends' : c.policy;
      const mutual = c.follow === 'mutual';
      const reachable = policy === 'everyone' || mutual || (policy === 'suggested' && c.inContacts);
      const rFollowsS = c.follow === 'R→S' || mutual;
      expect(decide(factsOf(c))).toEqual(reachable ? (rFollowsS ? ACCEPTED : REQUEST) : DENY);
    }
  });
});

describe('decide: properties', () => {
  const combo = fc.record({
    policy: fc.constantFrom(...POLICIES),
    follow: fc.constantFrom(...FOLLOWS),
    senderAge: fc.constantFrom(...AGES),
    recipientAge: fc.constantFrom(...AGES),
    senderAccount: fc.constantFrom(...ACCOUNTS),
    recipientAccount: fc.constantFrom(...ACCOUNTS),
    blocked: fc.boolean(),
    status: fc.constantFrom(...STATUSES),
    inContacts: fc.boolean(),
  });

  it('rule 8: a denial for anything but the sender’s own account is always the same cannot_message', () => {
    fc.assert(
      fc.property(combo, (c) => {
        const result = decide(factsOf(c));
        if (result.allowed) return;
        const ownAccount = c.senderAge === '13-15' || c.senderAccount !== 'active';
        expect(result).toEqual(ownAccount ? { allowed: false, denial: 'dms_unavailable' } : DENY);
      }),
    );
  });

  it('a newly allowed message lands in requests exactly when R does not follow S', () => {
    fc.assert(
      fc.property(combo, (c) => {
        const result = decide(factsOf(c));
        if (!result.allowed || c.status === 'accepted') return;
        const rFollowsS = c.follow === 'R→S' || c.follow === 'mutual';
        expect(result.status).toBe(rFollowsS ? 'accepted' : 'request');
      }),
    );
  });

  it('following more never turns an allowed message into a denied one', () => {
    fc.assert(
      fc.property(combo, (c) => {
        if (!decide(factsOf(c)).allowed) return;
        expect(decide(factsOf({ ...c, follow: 'mutual' })).allowed).toBe(true);
      }),
    );
  });
});
