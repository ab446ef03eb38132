import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { dm, messagesOf, send } from './chat-helpers.ts';
import { befriend, call, expectError, signUp } from './helpers.ts';
import { messageRow, reactionRows, seedConversation, seedMessage } from './message-actions-seed.ts';

/** Two friends with a direct conversation and one message from alice. */
async function friendsChat(text = 'hello') {
  const alice = await signUp('alice');
  const bob = await signUp('bob');
  await befriend(alice, bob);
  const { conversation, message } = await dm(alice, bob, text);
  return { alice, bob, conversation, message };
}

describe('DELETE /v1/messages/:id (unsend)', () => {
  it('erases the text from the stored row, keeps a tombstone and drops its reactions', async () => {
    const { alice, bob, conversation, message } = await friendsChat('a secret I regret');
    expect(
      (await bob.api(`/v1/messages/${message.id}/reaction`, { method: 'PUT', body: { emoji: '😮' } })).status,
    ).toBe(204);

    const res = await alice.api(`/v1/messages/${message.id}`, { method: 'DELETE' });
    expect(res.status, await res.clone().text()).toBe(204);

    // In the database itself, not only in responses.
    const row = await messageRow(message.id);
    expect(row).not.toBeNull();
    expect(row?.text).toBeNull();
    expect(row?.event_json).toBeNull();
    expect(row?.unsent_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.stringify(row)).not.toContain('secret');
    expect(await reactionRows(message.id)).toEqual([]);

    // What both sides see: a tombstone at the same seq, without content or reactions.
    for (const viewer of [alice, bob]) {
      const [tombstone] = await messagesOf(viewer, conversation.id);
      expect(tombstone).toMatchObject({
        id: message.id,
        seq: message.seq,
        text: null,
        video: null,
        reactions: [],
        unsentAt: row?.unsent_at,
      });
    }
  });

  it('erases the video URL, id and author of a shared video', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    const conversation = await seedConversation([alice, bob]);
    const message = await seedMessage(conversation, alice, {
      video: {
        url: 'https://www.tiktok.com/@someone/video/7212345678901234567',
        videoId: '7212345678901234567',
        author: 'someone',
      },
    });
    expect((await alice.api(`/v1/messages/${message.id}`, { method: 'DELETE' })).status).toBe(204);
    const row = await messageRow(message.id);
    expect(row).toMatchObject({ kind: 'video', video_url: null, video_id: null, video_author: null });
    expect(row?.unsent_at).not.toBeNull();
  });

  it('is idempotent: unsending twice keeps the first unsend time', async () => {
    const { alice, message } = await friendsChat();
    expect((await alice.api(`/v1/messages/${message.id}`, { method: 'DELETE' })).status).toBe(204);
    const first = (await messageRow(message.id))?.unsent_at;
    expect((await alice.api(`/v1/messages/${message.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await messageRow(message.id))?.unsent_at).toBe(first);
  });

  it('refuses another member with 403 forbidden and leaves the message as it was', async () => {
    const { bob, message } = await friendsChat('still here');
    await expectError(await bob.api(`/v1/messages/${message.id}`, { method: 'DELETE' }), 403, 'forbidden');
    expect(await messageRow(message.id)).toMatchObject({ text: 'still here', unsent_at: null });
  });

  it('answers 404 to a non-member and for an unknown id', async () => {
    const { alice, message } = await friendsChat('private');
    const mallory = await signUp('mallory');
    await expectError(
      await mallory.api(`/v1/messages/${message.id}`, { method: 'DELETE' }),
      404,
      'not_found',
    );
    await expectError(
      await alice.api('/v1/messages/no-such-message', { method: 'DELETE' }),
      404,
      'not_found',
    );
    expect((await messageRow(message.id))?.text).toBe('private');
  });

  it('answers 404 to a member who has left the conversation', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    const carol = await signUp('carol');
    const conversation = await seedConversation([alice, bob, carol], { states: { [carol.handle]: 'left' } });
    const message = await seedMessage(conversation, carol);
    await expectError(await carol.api(`/v1/messages/${message.id}`, { method: 'DELETE' }), 404, 'not_found');
  });

  it('refuses to unsend a member-change event with 403', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    const carol = await signUp('carol');
    const conversation = await seedConversation([alice, bob, carol]);
    const event = await seedMessage(conversation, alice);
    await env.DB.prepare("update messages set kind = 'event', text = null, event_json = '{}' where id = ?")
      .bind(event.id)
      .run();
    await expectError(await alice.api(`/v1/messages/${event.id}`, { method: 'DELETE' }), 403, 'forbidden');
    expect((await messageRow(event.id))?.event_json).toBe('{}');
  });

  it('requires a token', async () => {
    await expectError(await call('/v1/messages/whatever', { method: 'DELETE' }), 401, 'unauthorized');
  });
});

describe('POST /v1/messages/:id/hide', () => {
  it('hides the message for the caller only, idempotently', async () => {
    const { alice, bob, conversation, message } = await friendsChat('hide me');
    const kept = await send(alice, conversation.id, 'keep me');
    expect((await bob.api(`/v1/messages/${message.id}/hide`, { method: 'POST' })).status).toBe(204);
    expect((await bob.api(`/v1/messages/${message.id}/hide`, { method: 'POST' })).status).toBe(204);

    expect((await messagesOf(bob, conversation.id)).map((m) => m.id)).toEqual([kept.id]);
    expect((await messagesOf(alice, conversation.id)).map((m) => m.id)).toEqual([message.id, kept.id]);
    // Hiding is not unsending: the message itself is untouched.
    expect(await messageRow(message.id)).toMatchObject({ text: 'hide me', unsent_at: null });
  });

  it('answers 404 to a non-member and for an unknown id', async () => {
    const { alice, message } = await friendsChat();
    const mallory = await signUp('mallory');
    await expectError(
      await mallory.api(`/v1/messages/${message.id}/hide`, { method: 'POST' }),
      404,
      'not_found',
    );
    await expectError(await alice.api('/v1/messages/nope/hide', { method: 'POST' }), 404, 'not_found');
  });

  it('requires a token', async () => {
    await expectError(await call('/v1/messages/whatever/hide', { method: 'POST' }), 401, 'unauthorized');
  });
});
