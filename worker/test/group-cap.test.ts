import type { Conversation } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { expectError, followUser, setPolicy, signUp, type TestUser } from './helpers.ts';

/** The 32-member cap holds when adds race: the check runs inside the add's own transaction. */

/** People who take anyone's messages and follow `adder`, so they join accepted (not as new requests). */
async function openPeople(n: number, adder: TestUser): Promise<TestUser[]> {
  const people: TestUser[] = [];
  for (let i = 0; i < n; i++) {
    const p = await signUp('cap');
    await setPolicy(p, 'everyone');
    await followUser(p, adder);
    people.push(p);
  }
  return people;
}

describe('POST /v1/conversations/:id/members (concurrent adds)', () => {
  it('lets only one of two parallel adds in when together they would pass 32 members', async () => {
    const alice = await signUp('alice');
    const people = await openPeople(33, alice);
    const res = await alice.api('/v1/conversations', {
      body: { members: people.slice(0, 29).map((p) => p.handle) },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const group = (await res.json()) as Conversation;
    expect(group.members).toHaveLength(30);
    const first = people.slice(29, 31);
    const second = people.slice(31, 33);
    const add = (batch: TestUser[]) =>
      alice.api(`/v1/conversations/${group.id}/members`, { body: { handles: batch.map((p) => p.handle) } });
    const answers = await Promise.all([add(first), add(second)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    const loser = answers.findIndex((a) => a.status === 400);
    const refused = loser === 0 ? first : second;
    await expectError(answers[loser] as Response, 400, 'invalid_request');
    const view = (await (await alice.api(`/v1/conversations/${group.id}`)).json()) as Conversation;
    expect(view.members).toHaveLength(32);
    for (const person of refused) {
      await expectError(await person.api(`/v1/conversations/${group.id}`), 404, 'not_found');
    }
    // Nothing of the refused add was kept: no "added" event for them either.
    const events = (await (await alice.api(`/v1/conversations/${group.id}/messages`)).json()) as {
      messages: { event?: { type: string } | null }[];
    };
    expect(events.messages.filter((m) => m.event?.type === 'added')).toHaveLength(1);
  });
});
