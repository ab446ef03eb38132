import type { StreamEvent } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { dm, openDirect, send } from './chat-helpers.ts';
import { befriend, setPolicy, signUp } from './helpers.ts';
import { connect, sleep } from './live-socket.ts';

/** What the live stream tells each side of a direct conversation and a message request. */

const parsed = (frames: string[]) => frames.map((f) => JSON.parse(f) as StreamEvent);

describe('live events of direct conversations and requests', () => {
  it('a first message shows the conversation, the message and the new unread counts to the recipient', async () => {
    const [alice, bob] = [await signUp('alice'), await signUp('bob')];
    await befriend(alice, bob);
    const live = await connect(bob);
    const conversation = await openDirect(alice, bob);
    await sleep(200);
    expect(live.frames).toEqual([]);
    const message = await send(alice, conversation.id, 'hello');
    const events = [await live.nextEvent(), await live.nextEvent(), await live.nextEvent()];
    expect(events.map((e) => e.type).sort()).toEqual(['conversation', 'message', 'unread']);
    const shown = events.find((e) => e.type === 'message');
    expect(shown?.type === 'message' && shown.message).toMatchObject({
      id: message.id,
      seq: 1,
      clientId: null,
    });
    expect(events.find((e) => e.type === 'unread')).toEqual({ type: 'unread', inbox: 1, requests: 0 });
  });

  it('a declined request stays silent for the recipient, while the sender still sees their own message', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const { conversation } = await dm(stranger, rita, 'one');
    expect((await rita.api(`/v1/conversations/${conversation.id}/decline`, { method: 'POST' })).status).toBe(
      204,
    );
    const [ritaLive, senderLive] = [await connect(rita), await connect(stranger)];
    await send(stranger, conversation.id, 'two');
    const own = await senderLive.nextEvent();
    expect(own.type === 'message' && own.message.text).toBe('two');
    await sleep(300);
    expect(parsed(ritaLive.frames)).toEqual([]);
  });

  it('a request’s sender is not told when the recipient reads', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const { conversation } = await dm(stranger, rita, 'one');
    const senderLive = await connect(stranger);
    expect((await rita.api(`/v1/conversations/${conversation.id}/read`, { body: { seq: 1 } })).status).toBe(
      204,
    );
    await sleep(300);
    expect(parsed(senderLive.frames).filter((e) => e.type === 'read')).toEqual([]);
  });

  it('a member change sends every member the new conversation and the event message', async () => {
    const [alice, bob, carol, dave] = [
      await signUp('alice'),
      await signUp('bob'),
      await signUp('carol'),
      await signUp('dave'),
    ];
    for (const other of [bob, carol, dave]) await befriend(alice, other);
    const res = await alice.api('/v1/conversations', { body: { members: [bob.handle, carol.handle] } });
    const { id } = (await res.json()) as { id: string };
    const [bobLive, daveLive] = [await connect(bob), await connect(dave)];
    await alice.api(`/v1/conversations/${id}/members`, { body: { handles: [dave.handle] } });
    for (const [member, live] of [
      [bob, bobLive],
      [dave, daveLive],
    ] as const) {
      const events = [await live.nextEvent(), await live.nextEvent(), await live.nextEvent()];
      const conversation = events.find((e) => e.type === 'conversation');
      expect(conversation?.type === 'conversation' && conversation.conversation.members.length).toBe(4);
      const message = events.find((e) => e.type === 'message');
      expect(message?.type === 'message' && message.message.event?.type).toBe('added');
      // The event carries exactly the member's own view, as a read of the conversation gives it.
      const view = await (await member.api(`/v1/conversations/${id}`)).json();
      expect(conversation?.type === 'conversation' && conversation.conversation).toEqual(view);
    }
  });
});
