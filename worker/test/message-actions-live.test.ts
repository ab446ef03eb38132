import type { StreamEvent } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { dm } from './chat-helpers.ts';
import { befriend, signUp } from './helpers.ts';
import { connect, type LiveSocket } from './live-socket.ts';

/** Skips other events up to the next one of `type`; patient, as fan-out runs after the response. */
async function nextOf<T extends StreamEvent['type']>(live: LiveSocket, type: T) {
  for (;;) {
    const event = await live.nextEvent(10_000);
    if (event.type === type) return event as Extract<StreamEvent, { type: T }>;
  }
}

describe('live events of message actions', () => {
  it('tells the members about reactions, each with their own `mine`, and about an unsend', {
    timeout: 30_000,
  }, async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const { conversation, message } = await dm(alice, bob, 'live one');
    const aliceLive = await connect(alice);
    const bobLive = await connect(bob);

    expect(
      (await bob.api(`/v1/messages/${message.id}/reaction`, { method: 'PUT', body: { emoji: '🔥' } })).status,
    ).toBe(204);
    const toAlice = await nextOf(aliceLive, 'reaction');
    const toBob = await nextOf(bobLive, 'reaction');
    expect(toAlice).toEqual({
      type: 'reaction',
      conversationId: conversation.id,
      messageId: message.id,
      reactions: [{ emoji: '🔥', count: 1, mine: false }],
    });
    expect(toBob.reactions).toEqual([{ emoji: '🔥', count: 1, mine: true }]);

    expect((await bob.api(`/v1/messages/${message.id}/reaction`, { method: 'DELETE' })).status).toBe(204);
    expect((await nextOf(aliceLive, 'reaction')).reactions).toEqual([]);

    expect((await alice.api(`/v1/messages/${message.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await nextOf(bobLive, 'message_unsent')).toEqual({
      type: 'message_unsent',
      conversationId: conversation.id,
      messageId: message.id,
      seq: message.seq,
    });
  });
});
