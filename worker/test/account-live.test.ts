import type { Conversation, StreamEvent } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { send } from './chat-helpers.ts';
import { befriend, signUp, type TestUser } from './helpers.ts';
import { connect, eventsAbout, type LiveSocket, sleep } from './live-socket.ts';

/** Deleting an account is a member change its groups hear about live. */

type ConversationEvent = Extract<StreamEvent, { type: 'conversation' }>;

/** Skips other events up to the next `conversation` event about `id`. */
async function nextConversation(live: LiveSocket, id: string): Promise<Conversation> {
  for (;;) {
    const event = await live.nextEvent();
    if (event.type === 'conversation' && event.conversation.id === id) {
      return (event as ConversationEvent).conversation;
    }
  }
}

async function group(owner: TestUser, invitees: TestUser[]): Promise<Conversation> {
  const res = await owner.api('/v1/conversations', { body: { members: invitees.map((p) => p.handle) } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Conversation;
}

describe('DELETE /v1/me (live)', () => {
  it('sends the remaining members of its groups the conversation without it', async () => {
    const alice = await signUp('alice');
    const [bob, carol, dave] = [await signUp('bob'), await signUp('carol'), await signUp('dave')];
    for (const p of [bob, carol, dave]) await befriend(alice, p);
    const trip = await group(alice, [bob, carol, dave]);
    const res = await dave.api(`/v1/conversations/${trip.id}/leave`, { method: 'POST' });
    expect(res.status).toBe(204);
    const [bobLive, carolLive, daveLive] = [await connect(bob), await connect(carol), await connect(dave)];

    const deleted = await alice.api('/v1/me', { method: 'DELETE', body: { password: alice.password } });
    expect(deleted.status).toBe(204);

    for (const [live, viewer] of [
      [bobLive, bob],
      [carolLive, carol],
    ] as const) {
      const seen = await nextConversation(live, trip.id);
      expect(seen.members.map((m) => m.id).sort()).toEqual([bob.user.id, carol.user.id].sort());
      expect(seen.members.filter((m) => m.role === 'owner')).toHaveLength(1);
      expect(seen.status).toBe('accepted');
      // The event is each viewer's own view, the same as a fresh GET gives.
      const fresh = (await (await viewer.api(`/v1/conversations/${trip.id}`)).json()) as Conversation;
      expect(seen.members).toEqual(fresh.members);
    }
    // Dave had left the group: he hears nothing of it.
    await sleep(300);
    expect(eventsAbout(daveLive, trip.id)).toEqual([]);
  });

  it('sends nothing when the account was in no group (a direct conversation is not a group)', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const direct = (await (
      await alice.api('/v1/conversations', { body: { members: [bob.handle] } })
    ).json()) as Conversation;
    await send(alice, direct.id, 'bye');
    const bobLive = await connect(bob);
    const deleted = await alice.api('/v1/me', { method: 'DELETE', body: { password: alice.password } });
    expect(deleted.status).toBe(204);
    await sleep(300);
    expect(bobLive.frames.filter((f) => f.includes('"conversation"'))).toEqual([]);
  });
});
