import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import type { Conversation, Message } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { befriend, expectError, setPolicy, signUp, type TestUser } from './helpers.ts';
import { connect, envWithFailingHubs, eventsAbout, nextMessage, sleep } from './live-socket.ts';

async function directConversation(a: TestUser, b: TestUser): Promise<Conversation> {
  const res = await a.api('/v1/conversations', { body: { members: [b.handle] } });
  expect([200, 201], await res.clone().text()).toContain(res.status);
  return (await res.json()) as Conversation;
}

let clientIds = 0;
async function send(from: TestUser, conversationId: string, text: string): Promise<Message> {
  clientIds += 1;
  const res = await from.api(`/v1/conversations/${conversationId}/messages`, {
    body: { clientId: `c${clientIds}`, text },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Message;
}

async function messagesAfter(user: TestUser, conversationId: string, after: number) {
  const res = await user.api(`/v1/conversations/${conversationId}/messages?after=${after}&limit=100`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { messages: Message[]; hasMore: boolean };
}

describe('live delivery of new messages', () => {
  it("reaches the recipient and the sender's other device, with the conversation seq", async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const conversation = await directConversation(alice, bob);
    const alicePhone = await connect(alice);
    const aliceLaptop = await connect(alice);
    const bobLive = await connect(bob);

    const first = await send(alice, conversation.id, 'hello bob');
    const atBob = await nextMessage(bobLive);
    expect(atBob).toMatchObject({ id: first.id, conversationId: conversation.id, seq: 1, text: 'hello bob' });
    expect(atBob.sender.handle).toBe(alice.handle);
    // The client id is shown to its sender only.
    expect(atBob.clientId).toBeNull();
    const atLaptop = await nextMessage(aliceLaptop);
    expect(atLaptop).toMatchObject({ id: first.id, seq: 1, text: 'hello bob' });
    expect(atLaptop.clientId).toBe(first.clientId);
    expect(await nextMessage(alicePhone)).toMatchObject({ id: first.id, seq: 1 });

    const reply = await send(bob, conversation.id, 'hi alice');
    expect(await nextMessage(aliceLaptop)).toMatchObject({ id: reply.id, seq: 2, text: 'hi alice' });
    expect(await nextMessage(alicePhone)).toMatchObject({ id: reply.id, seq: 2 });
    expect(await nextMessage(bobLive)).toMatchObject({ id: reply.id, seq: 2 });
  });

  it('lets a client that reconnects catch up with messages?after= and hold every message once, in order', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const conversation = await directConversation(alice, bob);

    // What bob's client holds, keyed by seq: merged, never appended, as docs/live-events.md says.
    const held = new Map<number, Message>();
    const hold = (message: Message) => held.set(message.seq, message);

    const before = await connect(bob);
    const sent = [await send(alice, conversation.id, 'message 1')];
    hold(await nextMessage(before));
    before.socket.close(1000, 'going offline');
    await before.closed;

    for (let i = 2; i <= 6; i++) sent.push(await send(alice, conversation.id, `message ${i}`));

    // Reconnect first, then fetch what was missed, so nothing can slip between the two.
    const after = await connect(bob);
    const lastSeen = Math.max(...held.keys());
    const page = await messagesAfter(bob, conversation.id, lastSeen);
    expect(page.hasMore).toBe(false);
    expect(page.messages.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6]);
    for (const message of page.messages) hold(message);

    sent.push(await send(alice, conversation.id, 'message 7'));
    const live = await nextMessage(after);
    expect(live.seq).toBe(7);
    hold(live);

    const timeline = [...held.values()].sort((a, b) => a.seq - b.seq);
    expect(timeline.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    expect(timeline.map((m) => m.text)).toEqual(sent.map((_, i) => `message ${i + 1}`));
    expect(timeline.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The new socket replays nothing: the one message it saw is the one sent while it was open.
    await sleep(100);
    const replayed = eventsAbout(after, conversation.id).filter((e) => e.type === 'message');
    expect(replayed).toHaveLength(1);
    // The closed socket got nothing after it closed.
    expect(eventsAbout(before, conversation.id).filter((e) => e.type === 'message')).toHaveLength(1);
  });

  it('never reaches the socket of someone outside the conversation, nor of a member who blocked the sender', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    const carol = await signUp('carol');
    await befriend(alice, bob);
    await befriend(carol, bob);
    const conversation = await directConversation(alice, bob);
    await send(alice, conversation.id, 'before the block');
    const bobLive = await connect(bob);
    const carolLive = await connect(carol);

    const sent = await send(alice, conversation.id, 'only for bob');
    expect(await nextMessage(bobLive)).toMatchObject({ id: sent.id });

    expect((await bob.api(`/v1/users/${alice.handle}/block`, { method: 'PUT' })).status).toBe(204);
    const refused = await alice.api(`/v1/conversations/${conversation.id}/messages`, {
      body: { clientId: 'after-block', text: 'are you there?' },
    });
    await expectError(refused, 403, 'cannot_message');

    // A control message each socket must get proves the sockets work, and comes after anything forbidden.
    const bobAndCarol = await directConversation(carol, bob);
    const control = await send(carol, bobAndCarol.id, 'control');
    expect(await nextMessage(bobLive)).toMatchObject({ id: control.id });
    expect(await nextMessage(carolLive)).toMatchObject({ id: control.id });
    await sleep(100);

    expect(eventsAbout(carolLive, conversation.id)).toEqual([]);
    const bobSaw = eventsAbout(bobLive, conversation.id).filter((e) => e.type === 'message');
    expect(bobSaw).toHaveLength(1);
  });
});

describe('live read receipts', () => {
  async function markRead(user: TestUser, conversationId: string, seq: number) {
    expect((await user.api(`/v1/conversations/${conversationId}/read`, { body: { seq } })).status).toBe(204);
  }

  it("tell an accepted member's devices that the other read, and never tell a request's sender", async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    const stranger = await signUp('stranger');
    await befriend(alice, bob);
    await setPolicy(stranger, 'everyone');
    const friends = await directConversation(alice, bob);
    const request = await directConversation(alice, stranger);
    await send(alice, friends.id, 'to bob');
    await send(alice, request.id, 'to a stranger');
    const aliceLive = await connect(alice);

    await markRead(stranger, request.id, 1);
    await markRead(bob, friends.id, 1);
    for (;;) {
      const event = await aliceLive.nextEvent();
      if (event.type === 'read') {
        expect(event).toEqual({ type: 'read', conversationId: friends.id, userId: bob.user.id, seq: 1 });
        break;
      }
    }
    await sleep(100);
    expect(eventsAbout(aliceLive, request.id)).toEqual([]);
  });
});

describe('fan-out failures', () => {
  async function sendThrough(envOverride: ReturnType<typeof envWithFailingHubs>, user: TestUser, id: string) {
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request(`http://clipdm.test/v1/conversations/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.accessToken}` },
        body: JSON.stringify({ clientId: crypto.randomUUID(), text: 'through a broken hub' }),
      }),
      envOverride,
      ctx,
    );
    return { res, ctx };
  }

  it('a hub that throws does not fail the send', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const conversation = await directConversation(alice, bob);
    const aliceLive = await connect(alice);
    // Bob has a socket open, so fan-out calls his (failing) hub.
    await connect(bob);
    const { res, ctx } = await sendThrough(
      envWithFailingHubs({ [bob.user.id]: 'rejects' }),
      alice,
      conversation.id,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const message = (await res.json()) as Message;
    await expect(waitOnExecutionContext(ctx)).resolves.toBeUndefined();
    // The message is committed, and the members whose hubs work still hear of it.
    expect((await messagesAfter(bob, conversation.id, 0)).messages.map((m) => m.id)).toEqual([message.id]);
    expect(await nextMessage(aliceLive)).toMatchObject({ id: message.id });
  });

  it('a hub that never answers does not hold up the send', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const conversation = await directConversation(alice, bob);
    await connect(bob);
    const { res } = await sendThrough(envWithFailingHubs({ [bob.user.id]: 'hangs' }), alice, conversation.id);
    // Had the route awaited fan-out, this response would never have come.
    expect(res.status, await res.clone().text()).toBe(201);
    const message = (await res.json()) as Message;
    expect((await messagesAfter(bob, conversation.id, 0)).messages.map((m) => m.id)).toEqual([message.id]);
  });
});
