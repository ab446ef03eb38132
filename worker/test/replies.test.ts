import type { Message, StreamEvent } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { messagesOf, openDirect, send } from './chat-helpers.ts';
import { befriend, expectError, signUp, type TestUser } from './helpers.ts';
import { connect } from './live-socket.ts';

/** Sends `text` as a reply to `replyTo` and returns the raw response. */
function reply(user: TestUser, conversationId: string, replyTo: string, text = 'a reply') {
  return user.api(`/v1/conversations/${conversationId}/messages`, {
    body: { clientId: `r-${Math.random().toString(36).slice(2)}`, text, replyTo },
  });
}

async function friends() {
  const [alice, bob] = [await signUp('alice'), await signUp('bob')];
  await befriend(alice, bob);
  const conversation = await openDirect(alice, bob);
  return { alice, bob, conversation };
}

describe('replies (replyTo)', () => {
  it('stores the quote and returns it as a small preview, in the answer, the history and live', async () => {
    const { alice, bob, conversation } = await friends();
    const original = await send(alice, conversation.id, `${'long text '.repeat(30)}end`);
    const bobLive = await connect(bob);
    const res = await reply(bob, conversation.id, original.id, 'yes!');
    expect(res.status).toBe(201);
    const answer = (await res.json()) as Message;
    const preview = {
      id: original.id,
      sender: { id: alice.user.id, handle: alice.handle, displayName: expect.any(String) },
      kind: 'text',
      text: Array.from(original.text ?? '')
        .slice(0, 140)
        .join(''),
      unsent: false,
    };
    expect(answer.replyTo).toEqual(preview);
    expect(answer.replyTo?.text).toHaveLength(140);
    const history = await messagesOf(alice, conversation.id);
    expect(history.find((m) => m.id === answer.id)?.replyTo).toEqual(preview);
    expect(history.find((m) => m.id === original.id)?.replyTo).toBeNull();
    let event: StreamEvent | undefined;
    do event = await bobLive.nextEvent();
    while (event.type !== 'message');
    expect(event.message.replyTo).toEqual(preview);
  });

  it('shows an unsent quote as unsent, without its text', async () => {
    const { alice, bob, conversation } = await friends();
    const original = await send(alice, conversation.id, 'regret this');
    const answer = (await (await reply(bob, conversation.id, original.id)).json()) as Message;
    expect((await alice.api(`/v1/messages/${original.id}`, { method: 'DELETE' })).status).toBe(204);
    const shown = (await messagesOf(bob, conversation.id)).find((m) => m.id === answer.id);
    expect(shown?.replyTo).toMatchObject({ id: original.id, text: null, unsent: true });
  });

  it('refuses a message of another conversation with 400 on replyTo, and stores nothing', async () => {
    const { alice, bob, conversation } = await friends();
    const carol = await signUp('carol');
    await befriend(alice, carol);
    const elsewhere = await openDirect(alice, carol);
    const secret = await send(carol, elsewhere.id, 'not for bob');
    const res = await reply(alice, conversation.id, secret.id);
    await expectError(res, 400, 'invalid_request');
    expect(await messagesOf(bob, conversation.id)).toEqual([]);
  });

  it('refuses an unknown id and a message the sender hid, the same way', async () => {
    const { alice, bob, conversation } = await friends();
    await expectError(await reply(alice, conversation.id, 'no-such-message'), 400, 'invalid_request');
    const hidden = await send(bob, conversation.id, 'hide me');
    expect((await alice.api(`/v1/messages/${hidden.id}/hide`, { method: 'POST' })).status).toBe(204);
    await expectError(await reply(alice, conversation.id, hidden.id), 400, 'invalid_request');
  });

  it('refuses a quote from before the sender joined a group', async () => {
    const [owner, bob, carol] = [await signUp('owner'), await signUp('bob'), await signUp('carol')];
    await befriend(owner, bob);
    await befriend(owner, carol);
    const created = await owner.api('/v1/conversations', { body: { members: [bob.handle, carol.handle] } });
    const group = (await created.json()) as { id: string };
    const early = await send(owner, group.id, 'before dave');
    const dave = await signUp('dave');
    await befriend(owner, dave);
    const added = await owner.api(`/v1/conversations/${group.id}/members`, {
      body: { handles: [dave.handle] },
    });
    expect(added.status, await added.clone().text()).toBe(200);
    await expectError(await reply(dave, group.id, early.id), 400, 'invalid_request');
  });

  it('rejects a malformed replyTo as a bad request', async () => {
    const { alice, conversation } = await friends();
    await expectError(await reply(alice, conversation.id, ''), 400, 'invalid_request');
    await expectError(await reply(alice, conversation.id, 'x'.repeat(65)), 400, 'invalid_request');
  });
});
