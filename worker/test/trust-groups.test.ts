import type { Conversation } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { listBox } from './chat-helpers.ts';
import { befriend, expectError, signUp, type TestUser } from './helpers.ts';
import { callAs, openToEveryone } from './trust-helpers.ts';

/** Issue 11, door 2: groups are no side door around a decline or the 20 new requests a day. */

async function createGroup(owner: TestUser, invitees: TestUser[]): Promise<Conversation> {
  const res = await owner.api('/v1/conversations', { body: { members: invitees.map((p) => p.handle) } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Conversation;
}

function addMembers(adder: TestUser, group: Conversation, people: TestUser[]) {
  return adder.api(`/v1/conversations/${group.id}/members`, {
    body: { handles: people.map((p) => p.handle) },
  });
}

/** An owner and two strangers who take anyone's messages, so both land in `request`. */
async function groupOfStrangers() {
  const owner = await signUp('gowner');
  const [decliner, other] = [await signUp('gdecl'), await signUp('gother')];
  await openToEveryone(decliner);
  await openToEveryone(other);
  return { owner, decliner, other, group: await createGroup(owner, [decliner, other]) };
}

describe('a decline or a leave is final for that group', () => {
  it('refuses to put back someone who declined, however often they are re-added', async () => {
    const { owner, decliner, group } = await groupOfStrangers();
    expect((await decliner.api(`/v1/conversations/${group.id}/decline`, { method: 'POST' })).status).toBe(
      204,
    );
    for (let cycle = 0; cycle < 3; cycle++) {
      await expectError(await addMembers(owner, group, [decliner]), 403, 'cannot_message');
    }
    expect(await listBox(decliner, 'requests')).toEqual([]);
  });

  it('refuses to put back someone who left', async () => {
    const owner = await signUp('lowner');
    const [leaver, other] = [await signUp('leaver'), await signUp('lother')];
    await befriend(owner, leaver);
    await befriend(owner, other);
    // Friends, so only the leave (not the policy) can keep the leaver out.
    await befriend(other, leaver);
    const group = await createGroup(owner, [leaver, other]);
    expect((await leaver.api(`/v1/conversations/${group.id}/leave`, { method: 'POST' })).status).toBe(204);
    await expectError(await addMembers(other, group, [leaver]), 403, 'cannot_message');
    expect((await listBox(leaver, 'inbox')).map((c) => c.id)).not.toContain(group.id);
  });

  it('lets a removed member be added again', async () => {
    const owner = await signUp('rowner');
    const [removed, other] = [await signUp('removed'), await signUp('rother')];
    await befriend(owner, removed);
    await befriend(owner, other);
    const group = await createGroup(owner, [removed, other]);
    const out = await owner.api(`/v1/conversations/${group.id}/members/${removed.handle}`, {
      method: 'DELETE',
    });
    expect(out.status).toBe(204);
    expect((await addMembers(owner, group, [removed])).status).toBe(200);
  });
});

describe('every invitee put into requests counts against the 20 new requests a day', () => {
  it('refuses a whole group that would pass the limit, and puts nobody into requests', async () => {
    const owner = await signUp('counter');
    const strangers: TestUser[] = [];
    for (let i = 0; i < 4; i++) {
      const stranger = await signUp('strg');
      await openToEveryone(stranger);
      strangers.push(stranger);
    }
    const limits = { LIMIT_NEW_REQUESTS_PER_DAY: '3' };
    const tooMany = await callAs(owner, limits, '/v1/conversations', {
      body: { members: strangers.map((s) => s.handle) },
    });
    await expectError(tooMany, 429, 'rate_limited');
    for (const stranger of strangers) expect(await listBox(stranger, 'requests')).toEqual([]);
    // Three fit exactly; after them not even a direct request does.
    const three = await callAs(owner, limits, '/v1/conversations', {
      body: { members: strangers.slice(0, 3).map((s) => s.handle) },
    });
    expect(three.status, await three.clone().text()).toBe(201);
    const group = (await three.json()) as Conversation;
    const fourth = strangers[3] as TestUser;
    await expectError(
      await callAs(owner, limits, `/v1/conversations/${group.id}/members`, {
        body: { handles: [fourth.handle] },
      }),
      429,
      'rate_limited',
    );
  });

  it('does not count invitees who follow the adder (they land in the inbox)', async () => {
    const owner = await signUp('friendly');
    const friends: TestUser[] = [];
    for (let i = 0; i < 4; i++) {
      const friend = await signUp('frnd');
      await befriend(owner, friend);
      friends.push(friend);
    }
    const res = await callAs(owner, { LIMIT_NEW_REQUESTS_PER_DAY: '1' }, '/v1/conversations', {
      body: { members: friends.map((f) => f.handle) },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });
});
