import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { summarizeReactions } from '../src/conversation-store/reactions.ts';
import { dm, messagesOf } from './chat-helpers.ts';
import { befriend, call, expectError, setPolicy, signInAgain, signUp, type TestUser } from './helpers.ts';
import { reactionRows } from './message-actions-seed.ts';

async function friendsChat() {
  const alice = await signUp('alice');
  const bob = await signUp('bob');
  await befriend(alice, bob);
  const { conversation, message } = await dm(alice, bob);
  return { alice, bob, conversation, message };
}

const react = (user: TestUser, messageId: string, emoji: string) =>
  user.api(`/v1/messages/${messageId}/reaction`, { method: 'PUT', body: { emoji } });

describe('PUT /v1/messages/:id/reaction', () => {
  it('sets a reaction, and a second one replaces the first', async () => {
    const { alice, bob, conversation, message } = await friendsChat();
    expect((await react(bob, message.id, '👍')).status).toBe(204);
    expect(await reactionRows(message.id)).toEqual([{ user_id: bob.user.id, emoji: '👍' }]);
    expect((await react(bob, message.id, '❤️')).status).toBe(204);
    expect(await reactionRows(message.id)).toEqual([{ user_id: bob.user.id, emoji: '❤️' }]);

    expect((await react(alice, message.id, '❤️')).status).toBe(204);
    const [seenByAlice] = await messagesOf(alice, conversation.id);
    expect(seenByAlice?.reactions).toEqual([{ emoji: '❤️', count: 2, mine: true }]);
  });

  it('accepts one emoji grapheme of several code points (skin tone, ZWJ, flag, keycap)', async () => {
    const { bob, message } = await friendsChat();
    for (const emoji of ['👍🏽', '👩‍👩‍👧', '🇳🇱', '#️⃣']) {
      const res = await react(bob, message.id, emoji);
      expect(res.status, `${emoji}: ${await res.clone().text()}`).toBe(204);
    }
    expect(await reactionRows(message.id)).toEqual([{ user_id: bob.user.id, emoji: '#️⃣' }]);
  });

  it.each([
    ['two emoji', '👍👍'],
    ['plain text', 'lol'],
    ['a letter', 'a'],
    ['emoji and text', '🔥hot'],
    ['empty', ''],
  ])('rejects %s with 400 invalid_request', async (_name, emoji) => {
    const { bob, message } = await friendsChat();
    const error = await expectError(await react(bob, message.id, emoji), 400, 'invalid_request');
    expect(JSON.stringify(error.details)).toContain('emoji');
    expect(await reactionRows(message.id)).toEqual([]);
  });

  it('rejects a missing emoji with 400', async () => {
    const { bob, message } = await friendsChat();
    await expectError(
      await bob.api(`/v1/messages/${message.id}/reaction`, { method: 'PUT', body: {} }),
      400,
      'invalid_request',
    );
  });

  it('answers 404 to a non-member', async () => {
    const { message } = await friendsChat();
    const mallory = await signUp('mallory');
    await expectError(await react(mallory, message.id, '👍'), 404, 'not_found');
    expect(await reactionRows(message.id)).toEqual([]);
  });

  it('answers 404 for an unsent message', async () => {
    const { alice, bob, message } = await friendsChat();
    expect((await alice.api(`/v1/messages/${message.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectError(await react(bob, message.id, '👍'), 404, 'not_found');
  });

  it('refuses a recipient who has not accepted the request yet with 403 forbidden', async () => {
    const stranger = await signUp('stranger');
    const bob = await signUp('bob');
    await setPolicy(bob, 'everyone');
    const { message } = await dm(stranger, bob, 'hi, we have not met');
    await expectError(await react(bob, message.id, '👍'), 403, 'forbidden');
    expect(await reactionRows(message.id)).toEqual([]);
  });

  it('follows the DM policy: no reactions across a block (403 cannot_message)', async () => {
    const { alice, bob, message } = await friendsChat();
    expect((await alice.api(`/v1/users/${bob.handle}/block`, { method: 'PUT' })).status).toBe(204);
    await expectError(await react(bob, message.id, '👍'), 403, 'cannot_message');
    expect(await reactionRows(message.id)).toEqual([]);
  });

  it('refuses a suspended account with 403 dms_unavailable', async () => {
    const { bob, message } = await friendsChat();
    const suspend = await call(`/v1/admin/users/${bob.handle}/suspension`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` },
    });
    expect(suspend.status).toBe(204);
    await expectError(await react(await signInAgain(bob), message.id, '👍'), 403, 'dms_unavailable');
  });

  it('requires a token', async () => {
    await expectError(
      await call('/v1/messages/x/reaction', { method: 'PUT', body: { emoji: '👍' } }),
      401,
      'unauthorized',
    );
  });
});

describe('DELETE /v1/messages/:id/reaction', () => {
  it('removes only the caller’s reaction, idempotently', async () => {
    const { alice, bob, message } = await friendsChat();
    await react(alice, message.id, '🔥');
    await react(bob, message.id, '🔥');
    expect((await bob.api(`/v1/messages/${message.id}/reaction`, { method: 'DELETE' })).status).toBe(204);
    expect((await bob.api(`/v1/messages/${message.id}/reaction`, { method: 'DELETE' })).status).toBe(204);
    expect(await reactionRows(message.id)).toEqual([{ user_id: alice.user.id, emoji: '🔥' }]);
  });

  it('answers 404 to a non-member', async () => {
    const { message } = await friendsChat();
    const mallory = await signUp('mallory');
    await expectError(
      await mallory.api(`/v1/messages/${message.id}/reaction`, { method: 'DELETE' }),
      404,
      'not_found',
    );
  });

  it('requires a token', async () => {
    await expectError(await call('/v1/messages/x/reaction', { method: 'DELETE' }), 401, 'unauthorized');
  });
});

describe('summarizeReactions (what the live event carries)', () => {
  it('counts per emoji, most used first, with mine for the viewer', () => {
    const rows = [
      { userId: 'a', emoji: '🔥' },
      { userId: 'b', emoji: '👍' },
      { userId: 'c', emoji: '🔥' },
    ];
    expect(summarizeReactions(rows, 'b')).toEqual([
      { emoji: '🔥', count: 2, mine: false },
      { emoji: '👍', count: 1, mine: true },
    ]);
    expect(summarizeReactions(rows, 'a')[0]).toEqual({ emoji: '🔥', count: 2, mine: true });
    expect(summarizeReactions([], 'a')).toEqual([]);
  });
});
