import type { Conversation, Message } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { listBox, messagesOf, send } from './chat-helpers.ts';
import {
  befriend,
  birthdateForAge,
  call,
  expectError,
  followUser,
  setPolicy,
  signUp,
  type TestUser,
} from './helpers.ts';

/** Signs up `n` adults who are friends with `owner`. */
async function friendsOf(owner: TestUser, n: number, prefix = 'm'): Promise<TestUser[]> {
  const people: TestUser[] = [];
  for (let i = 0; i < n; i++) {
    const person = await signUp(prefix);
    await befriend(owner, person);
    people.push(person);
  }
  return people;
}

async function createGroup(owner: TestUser, invitees: TestUser[], title?: string): Promise<Conversation> {
  const res = await owner.api('/v1/conversations', {
    body: { members: invitees.map((p) => p.handle), title },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Conversation;
}

/** Alice's group with two of her friends, the starting point of most group tests. */
async function groupOfThree() {
  const alice = await signUp('alice');
  const [bob, carol] = (await friendsOf(alice, 2)) as [TestUser, TestUser];
  const group = await createGroup(alice, [bob, carol]);
  return { alice, bob, carol, group };
}

const eventsOf = (messages: Message[]) =>
  messages
    .filter((m) => m.kind === 'event')
    .map((m) => ({
      type: m.event?.type,
      actor: m.event?.actor.handle,
      targets: m.event?.targets.map((t) => t.handle),
    }));

describe('POST /v1/conversations (a group)', () => {
  it('creates a group with the creator as owner and a "created" event', async () => {
    const alice = await signUp('alice');
    const [bob, carol] = await friendsOf(alice, 2);
    const group = await createGroup(alice, [bob as TestUser, carol as TestUser], 'Trip');
    expect(group).toMatchObject({ kind: 'group', title: 'Trip', status: 'accepted' });
    expect(group.members).toHaveLength(3);
    expect(group.members.find((m) => m.id === alice.user.id)?.role).toBe('owner');
    expect(eventsOf(await messagesOf(bob as TestUser, group.id))).toEqual([
      { type: 'created', actor: alice.handle, targets: [bob?.handle, carol?.handle] },
    ]);
    expect((await listBox(bob as TestUser, 'inbox')).map((c) => c.id)).toEqual([group.id]);
  });

  it('answers the same clientId again with the group it made (200), even when the tries race', async () => {
    const alice = await signUp('alice');
    const [bob, carol] = (await friendsOf(alice, 2)) as [TestUser, TestUser];
    const body = { members: [bob.handle, carol.handle], title: 'Once', clientId: 'group-key-1' };
    const first = await alice.api('/v1/conversations', { body });
    expect(first.status, await first.clone().text()).toBe(201);
    const group = (await first.json()) as Conversation;
    const again = await alice.api('/v1/conversations', { body });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Conversation).id).toBe(group.id);
    // Five tries at once with a new key: one group, every answer naming it.
    const raced = { ...body, clientId: 'group-key-2' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => alice.api('/v1/conversations', { body: raced })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as Conversation).id)));
    expect(ids.size).toBe(1);
    // Without a key, or with another key, or from someone else with the same key: a new group.
    const inbox = (await listBox(bob, 'inbox')).filter((c) => c.title === 'Once');
    expect(inbox).toHaveLength(2);
    const other = await alice.api('/v1/conversations', { body: { ...body, clientId: 'group-key-3' } });
    expect(other.status).toBe(201);
    await befriend(bob, carol);
    const [dan] = (await friendsOf(bob, 1, 'dan')) as [TestUser];
    const bobs = await bob.api('/v1/conversations', {
      body: { members: [carol.handle, dan.handle], clientId: 'group-key-1' },
    });
    expect(bobs.status, await bobs.clone().text()).toBe(201);
    expect(eventsOf(await messagesOf(bob, group.id))).toHaveLength(1);
  });

  it('puts it in requests for an invitee who does not follow the creator, until they accept', async () => {
    const alice = await signUp('alice');
    const [bob] = (await friendsOf(alice, 1)) as [TestUser];
    const stranger = await signUp('str');
    await setPolicy(stranger, 'everyone');
    const group = await createGroup(alice, [bob, stranger]);
    expect((await listBox(stranger, 'requests')).map((c) => c.id)).toEqual([group.id]);
    expect(await listBox(stranger, 'inbox')).toEqual([]);
    expect((await stranger.api(`/v1/conversations/${group.id}/accept`, { method: 'POST' })).status).toBe(200);
    expect((await listBox(stranger, 'inbox')).map((c) => c.id)).toEqual([group.id]);
    expect(await listBox(stranger, 'requests')).toEqual([]);
  });

  it('refuses invitees whose policy forbids the creator, naming them in details.handles', async () => {
    const alice = await signUp('alice');
    const [bob] = await friendsOf(alice, 1);
    const [closed, stranger] = [await signUp('closed'), await signUp('str')];
    await befriend(alice, closed);
    await setPolicy(closed, 'no_one');
    const error = await expectError(
      await alice.api('/v1/conversations', {
        body: { members: [bob?.handle, closed.handle, stranger.handle] },
      }),
      403,
      'cannot_message',
    );
    expect([...((error.details?.handles as string[] | undefined) ?? [])].sort()).toEqual(
      [closed.handle, stranger.handle].sort(),
    );
    expect(await listBox(bob as TestUser, 'inbox')).toEqual([]);
  });

  it('refuses a 13–15-year-old, even a friend', async () => {
    const alice = await signUp('alice');
    const [bob] = await friendsOf(alice, 1);
    const teen = await signUp('teen', { birthdate: birthdateForAge(14) });
    await befriend(alice, teen);
    const error = await expectError(
      await alice.api('/v1/conversations', { body: { members: [bob?.handle, teen.handle] } }),
      403,
      'cannot_message',
    );
    expect(error.details?.handles).toEqual([teen.handle]);
  });

  it('does not let a 13–15-year-old create one', async () => {
    const teen = await signUp('teen', { birthdate: birthdateForAge(15) });
    const [a, b] = [await signUp('a'), await signUp('b')];
    await expectError(
      await teen.api('/v1/conversations', { body: { members: [a.handle, b.handle] } }),
      403,
      'dms_unavailable',
    );
  });

  it('accepts 31 invitees (32 with the creator) and refuses a 32nd invitee', async () => {
    const alice = await signUp('alice');
    const people: TestUser[] = [];
    for (let i = 0; i < 32; i++) {
      const p = await signUp('g');
      await setPolicy(p, 'everyone');
      // Following alice, they join accepted: not 31 new requests (20 a day), the cap is what is tested.
      await followUser(p, alice);
      people.push(p);
    }
    await expectError(
      await alice.api('/v1/conversations', { body: { members: people.map((p) => p.handle) } }),
      400,
      'invalid_request',
    );
    const group = await createGroup(alice, people.slice(0, 31));
    expect(group.members).toHaveLength(32);
  });

  it('rejects an unknown handle with 404 and fewer than 2 others with 400', async () => {
    const alice = await signUp('alice');
    const [bob] = await friendsOf(alice, 1);
    await expectError(
      await alice.api('/v1/conversations', { body: { members: [bob?.handle, 'nobody_x'] } }),
      404,
      'not_found',
    );
    await expectError(
      await alice.api('/v1/conversations', { body: { members: [bob?.handle, alice.handle] } }),
      400,
      'invalid_request',
    );
  });
});

describe('POST /v1/conversations/:id/members', () => {
  it('lets any accepted member add people, with an "added" event', async () => {
    const { bob, group } = await groupOfThree();
    const dave = await signUp('dave');
    await befriend(bob, dave);
    const res = await bob.api(`/v1/conversations/${group.id}/members`, {
      body: { handles: [dave.handle] },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as Conversation).members).toHaveLength(4);
    expect(eventsOf(await messagesOf(dave, group.id)).at(-1)).toEqual({
      type: 'added',
      actor: bob?.handle,
      targets: [dave.handle],
    });
    expect((await listBox(dave, 'inbox')).map((c) => c.id)).toEqual([group.id]);
  });

  it('does not let a 33rd member in', async () => {
    const alice = await signUp('alice');
    const people: TestUser[] = [];
    for (let i = 0; i < 32; i++) {
      const p = await signUp('g');
      await setPolicy(p, 'everyone');
      // Following alice, they join accepted: not 31 new requests (20 a day), the cap is what is tested.
      await followUser(p, alice);
      people.push(p);
    }
    const group = await createGroup(alice, people.slice(0, 31));
    const last = people[31] as TestUser;
    await expectError(
      await alice.api(`/v1/conversations/${group.id}/members`, { body: { handles: [last.handle] } }),
      400,
      'invalid_request',
    );
    const view = (await (await alice.api(`/v1/conversations/${group.id}`)).json()) as Conversation;
    expect(view.members).toHaveLength(32);
    await expectError(await last.api(`/v1/conversations/${group.id}`), 404, 'not_found');
  });

  it('refuses an invitee with no_one, and a minor', async () => {
    const { alice, group } = await groupOfThree();
    const closed = await signUp('closed');
    await befriend(alice, closed);
    await setPolicy(closed, 'no_one');
    const teen = await signUp('teen', { birthdate: birthdateForAge(13) });
    await befriend(alice, teen);
    for (const person of [closed, teen]) {
      const error = await expectError(
        await alice.api(`/v1/conversations/${group.id}/members`, { body: { handles: [person.handle] } }),
        403,
        'cannot_message',
      );
      expect(error.details?.handles).toEqual([person.handle]);
    }
  });

  it('puts the group in requests for an added person who does not follow the adder', async () => {
    const { alice, group } = await groupOfThree();
    const fan = await signUp('fan');
    await setPolicy(fan, 'everyone');
    await followUser(alice, fan);
    await alice.api(`/v1/conversations/${group.id}/members`, { body: { handles: [fan.handle] } });
    expect((await listBox(fan, 'requests')).map((c) => c.id)).toEqual([group.id]);
  });

  it('is refused to a member who has not accepted (403) and to a non-member (404)', async () => {
    const alice = await signUp('alice');
    const [bob] = await friendsOf(alice, 1);
    const stranger = await signUp('str');
    await setPolicy(stranger, 'everyone');
    const group = await createGroup(alice, [bob as TestUser, stranger]);
    await expectError(
      await stranger.api(`/v1/conversations/${group.id}/members`, { body: { handles: [alice.handle] } }),
      403,
      'forbidden',
    );
    const outsider = await signUp('out');
    await expectError(
      await outsider.api(`/v1/conversations/${group.id}/members`, { body: { handles: [alice.handle] } }),
      404,
      'not_found',
    );
  });
});

describe('PATCH /v1/conversations/:id', () => {
  it('lets the owner rename the group, and nobody else', async () => {
    const { alice, bob, group } = await groupOfThree();
    const res = await alice.api(`/v1/conversations/${group.id}`, {
      method: 'PATCH',
      body: { title: 'New name' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Conversation).title).toBe('New name');
    expect(eventsOf(await messagesOf(bob, group.id)).at(-1)?.type).toBe('renamed');
    await expectError(
      await bob.api(`/v1/conversations/${group.id}`, {
        method: 'PATCH',
        body: { title: 'Mine' },
      }),
      403,
      'forbidden',
    );
    await expectError(
      await alice.api(`/v1/conversations/${group.id}`, { method: 'PATCH', body: { title: '' } }),
      400,
      'invalid_request',
    );
  });

  it('answers the same title again with the group and no second event (a retry whose answer was lost)', async () => {
    const { alice, bob, group } = await groupOfThree();
    const rename = () =>
      alice.api(`/v1/conversations/${group.id}`, { method: 'PATCH', body: { title: 'Twice' } });
    expect((await rename()).status).toBe(200);
    const again = await rename();
    expect(again.status).toBe(200);
    expect(((await again.json()) as Conversation).title).toBe('Twice');
    expect(eventsOf(await messagesOf(bob, group.id)).filter((e) => e.type === 'renamed')).toHaveLength(1);
  });

  it('is not for direct conversations', async () => {
    const [alice, bob] = [await signUp('alice'), await signUp('bob')];
    await befriend(alice, bob);
    const res = await alice.api('/v1/conversations', { body: { members: [bob.handle] } });
    const { id } = (await res.json()) as Conversation;
    await expectError(
      await alice.api(`/v1/conversations/${id}`, { method: 'PATCH', body: { title: 'x' } }),
      400,
      'invalid_request',
    );
  });
});

describe('DELETE /v1/conversations/:id/members/:handle', () => {
  it('lets the owner remove a member, who then cannot see the group', async () => {
    const { alice, bob, carol, group } = await groupOfThree();
    expect(
      (await alice.api(`/v1/conversations/${group.id}/members/${carol?.handle}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
    await expectError(await carol.api(`/v1/conversations/${group.id}`), 404, 'not_found');
    expect(eventsOf(await messagesOf(bob, group.id)).at(-1)).toEqual({
      type: 'removed',
      actor: alice.handle,
      targets: [carol?.handle],
    });
  });

  it('answers a repeated removal 204 with no second change; a member who left is still no member', async () => {
    const { alice, bob, carol, group } = await groupOfThree();
    const remove = () =>
      alice.api(`/v1/conversations/${group.id}/members/${carol.handle}`, { method: 'DELETE' });
    expect((await remove()).status).toBe(204);
    // The client never got the first 204 and sends the DELETE again: done already, nothing new stored.
    expect((await remove()).status).toBe(204);
    expect(eventsOf(await messagesOf(bob, group.id)).filter((e) => e.type === 'removed')).toHaveLength(1);
    expect((await bob.api(`/v1/conversations/${group.id}/leave`, { method: 'POST' })).status).toBe(204);
    await expectError(
      await alice.api(`/v1/conversations/${group.id}/members/${bob.handle}`, { method: 'DELETE' }),
      404,
      'not_found',
    );
  });

  it('lets a member remove only themself', async () => {
    const { bob, carol, group } = await groupOfThree();
    await expectError(
      await bob.api(`/v1/conversations/${group.id}/members/${carol?.handle}`, {
        method: 'DELETE',
      }),
      403,
      'forbidden',
    );
    expect(
      (
        await bob.api(`/v1/conversations/${group.id}/members/${bob?.handle}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(204);
    await expectError(await bob.api(`/v1/conversations/${group.id}/messages`), 404, 'not_found');
  });
});

describe('POST /v1/conversations/:id/leave (a group)', () => {
  it('passes ownership to the longest-standing member', async () => {
    const { alice, bob, carol, group } = await groupOfThree();
    const dave = await signUp('dave');
    await befriend(alice, dave);
    await alice.api(`/v1/conversations/${group.id}/members`, { body: { handles: [dave.handle] } });
    expect((await alice.api(`/v1/conversations/${group.id}/leave`, { method: 'POST' })).status).toBe(204);
    const view = (await (await bob.api(`/v1/conversations/${group.id}`)).json()) as Conversation;
    expect(view.members.map((m) => m.id)).not.toContain(alice.user.id);
    const owners = view.members.filter((m) => m.role === 'owner').map((m) => m.id);
    expect(owners).toHaveLength(1);
    expect([bob?.user.id, carol?.user.id]).toContain(owners[0]);
    expect(eventsOf(await messagesOf(dave, group.id)).at(-1)).toEqual({
      type: 'left',
      actor: alice.handle,
      targets: [],
    });
    await expectError(await alice.api(`/v1/conversations/${group.id}`), 404, 'not_found');
    await expectError(await alice.api(`/v1/conversations/${group.id}/messages`), 404, 'not_found');
  });

  it('messages in a group reach every member, with gap-free seq after events', async () => {
    const { bob, carol, group } = await groupOfThree();
    const message = await send(bob, group.id, 'hi all');
    expect(message.seq).toBe(2);
    expect((await messagesOf(carol, group.id)).map((m) => m.seq)).toEqual([1, 2]);
  });
});

describe('read receipts (Member.lastReadSeq)', () => {
  async function readGroup() {
    const alice = await signUp('alice');
    const [bob] = (await friendsOf(alice, 1)) as [TestUser];
    const stranger = await signUp('str');
    await setPolicy(stranger, 'everyone');
    const group = await createGroup(alice, [bob, stranger]);
    await send(alice, group.id, 'read me');
    for (const reader of [bob, stranger]) {
      expect((await reader.api(`/v1/conversations/${group.id}/read`, { body: { seq: 2 } })).status).toBe(204);
    }
    const seen = async (viewer: TestUser, member: TestUser) => {
      const view = (await (await viewer.api(`/v1/conversations/${group.id}`)).json()) as Conversation;
      return view.members.find((m) => m.id === member.user.id)?.lastReadSeq;
    };
    return { alice, bob, stranger, seen };
  }

  it('shows the marker when both have receipts on and the viewer has accepted', async () => {
    const { alice, bob, seen } = await readGroup();
    expect(await seen(alice, bob)).toBe(2);
    expect(await seen(bob, alice)).toBe(2);
  });

  it('hides it when the viewer turned receipts off', async () => {
    const { alice, bob, seen } = await readGroup();
    await alice.api('/v1/me/settings', { method: 'PATCH', body: { readReceipts: false } });
    expect(await seen(alice, bob)).toBeNull();
  });

  it('hides it when the member turned receipts off', async () => {
    const { alice, bob, seen } = await readGroup();
    await bob.api('/v1/me/settings', { method: 'PATCH', body: { readReceipts: false } });
    expect(await seen(alice, bob)).toBeNull();
  });

  it('hides it from a viewer whose status is request, and a request’s reads from everyone', async () => {
    const { alice, bob, stranger, seen } = await readGroup();
    expect(await seen(stranger, alice)).toBeNull();
    expect(await seen(stranger, bob)).toBeNull();
    expect(await seen(alice, stranger)).toBeNull();
  });

  it('hides it in a direct request from its sender', async () => {
    const [sender, rita] = [await signUp('snd'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const res = await sender.api('/v1/conversations', { body: { members: [rita.handle] } });
    const { id } = (await res.json()) as Conversation;
    await send(sender, id, 'hello');
    await rita.api(`/v1/conversations/${id}/read`, { body: { seq: 1 } });
    const view = (await (await sender.api(`/v1/conversations/${id}`)).json()) as Conversation;
    expect(view.members.find((m) => m.id === rita.user.id)?.lastReadSeq).toBeNull();
  });
});

describe('group routes without a token', () => {
  it('answer 401', async () => {
    await expectError(
      await call('/v1/conversations/x', { method: 'PATCH', body: { title: 'x' } }),
      401,
      'unauthorized',
    );
    await expectError(
      await call('/v1/conversations/x/members', { body: { handles: ['abc'] } }),
      401,
      'unauthorized',
    );
    await expectError(
      await call('/v1/conversations/x/members/abc', { method: 'DELETE' }),
      401,
      'unauthorized',
    );
  });
});
