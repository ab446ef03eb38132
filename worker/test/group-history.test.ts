import { env } from 'cloudflare:test';
import type { Conversation, Message } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { messagesOf, send } from './chat-helpers.ts';
import { befriend, expectError, signUp, type TestUser } from './helpers.ts';
import { connect, sleep } from './live-socket.ts';

/** A member added to a group sees the group from the moment they joined, never its earlier history. */

async function groupWithHistory() {
  const alice = await signUp('alice');
  const [bob, carol, dave] = [await signUp('bob'), await signUp('carol'), await signUp('dave')];
  for (const p of [bob, carol, dave]) await befriend(alice, p);
  const res = await alice.api('/v1/conversations', { body: { members: [bob.handle, carol.handle] } });
  expect(res.status, await res.clone().text()).toBe(201);
  const group = (await res.json()) as Conversation;
  const early = [
    await send(alice, group.id, 'before dave 1'),
    await send(bob, group.id, 'before dave 2'),
    await send(alice, group.id, 'before dave 3'),
  ];
  await addMembers(alice, group.id, [dave]);
  return { alice, bob, carol, dave, group, early };
}

async function addMembers(adder: TestUser, groupId: string, people: TestUser[]) {
  const res = await adder.api(`/v1/conversations/${groupId}/members`, {
    body: { handles: people.map((p) => p.handle) },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function viewOf(user: TestUser, id: string): Promise<Conversation> {
  const res = await user.api(`/v1/conversations/${id}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Conversation;
}

describe('GET /v1/conversations/:id/messages for a member added later', () => {
  it('shows only the "added" event and what came after, and counts only those as unread', async () => {
    const { bob, dave, group } = await groupWithHistory();
    const later = await send(bob, group.id, 'welcome dave');
    const seen = await messagesOf(dave, group.id);
    expect(seen.map((m) => m.seq)).toEqual([5, 6]);
    expect(seen[0]?.event?.type).toBe('added');
    expect(seen[1]?.id).toBe(later.id);
    expect(await messagesOf(dave, group.id, '?before=5')).toEqual([]);
    expect((await messagesOf(dave, group.id, '?after=0')).map((m) => m.seq)).toEqual([5, 6]);
    const view = await viewOf(dave, group.id);
    expect(view.unreadCount).toBe(2);
    expect(view.lastMessage?.id).toBe(later.id);
    // The founders still see everything.
    expect((await messagesOf(bob, group.id)).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('starts again from the re-add for someone who was removed and came back', async () => {
    const { alice, carol, group } = await groupWithHistory();
    // (Someone who left is never put back by others; a removed member may be.)
    const removed = await alice.api(`/v1/conversations/${group.id}/members/${carol.handle}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    await send(alice, group.id, 'while carol was away');
    await addMembers(alice, group.id, [carol]);
    const seen = await messagesOf(carol, group.id);
    expect(seen.map((m) => m.event?.type)).toEqual(['added']);
    expect(seen[0]?.seq).toBe(8);
    expect((await viewOf(carol, group.id)).unreadCount).toBe(1);
  });
});

describe('earlier messages are out of reach for a newcomer', () => {
  it('cannot react to, hide or unsend them (404), but can react to later ones', async () => {
    const { bob, dave, group, early } = await groupWithHistory();
    const old = early[1] as Message;
    await expectError(
      await dave.api(`/v1/messages/${old.id}/reaction`, { method: 'PUT', body: { emoji: '🔥' } }),
      404,
      'not_found',
    );
    await expectError(await dave.api(`/v1/messages/${old.id}/hide`, { method: 'POST' }), 404, 'not_found');
    await expectError(await dave.api(`/v1/messages/${old.id}`, { method: 'DELETE' }), 404, 'not_found');
    // The founders still can.
    const put = await bob.api(`/v1/messages/${old.id}/reaction`, { method: 'PUT', body: { emoji: '🔥' } });
    expect(put.status, await put.clone().text()).toBe(204);
    const later = await send(bob, group.id, 'after dave');
    const mine = await dave.api(`/v1/messages/${later.id}/reaction`, {
      method: 'PUT',
      body: { emoji: '🔥' },
    });
    expect(mine.status, await mine.clone().text()).toBe(204);
  });

  it('sends the newcomer no live reaction to them, but the founders get it', async () => {
    const { alice, bob, dave, early } = await groupWithHistory();
    const [aliceLive, daveLive] = [await connect(alice), await connect(dave)];
    const old = early[1] as Message;
    const put = await bob.api(`/v1/messages/${old.id}/reaction`, { method: 'PUT', body: { emoji: '🔥' } });
    expect(put.status, await put.clone().text()).toBe(204);
    for (;;) {
      const event = await aliceLive.nextEvent();
      if (event.type === 'reaction') {
        expect(event.messageId).toBe(old.id);
        break;
      }
    }
    await sleep(200);
    expect(daveLive.frames.filter((f) => f.includes(old.id))).toEqual([]);
  });

  it('keeps them out of a report filed by the newcomer', async () => {
    const { bob, dave, group, early } = await groupWithHistory();
    const later = await send(bob, group.id, 'after dave');
    const res = await dave.api(`/v1/conversations/${group.id}/report`, {
      body: { reason: 'spam', messageIds: [...early.map((m) => m.id), later.id] },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { reportId } = (await res.json()) as { reportId: string };
    const row = await env.DB.prepare('select messages_json from reports where id = ?')
      .bind(reportId)
      .first<{ messages_json: string }>();
    const copies = JSON.parse(row?.messages_json ?? '[]') as Message[];
    expect(copies.map((m) => m.id)).toEqual([later.id]);
  });

  it('leaves them out of the newcomer’s export', async () => {
    const { bob, dave, group } = await groupWithHistory();
    await send(bob, group.id, 'after dave');
    const res = await dave.api('/v1/me/export');
    expect(res.status).toBe(200);
    const document = (await res.json()) as { messages: { conversationId: string; seq: number }[] };
    expect(document.messages.filter((m) => m.conversationId === group.id).map((m) => m.seq)).toEqual([5, 6]);
    const bobs = (await (await bob.api('/v1/me/export')).json()) as typeof document;
    expect(bobs.messages.filter((m) => m.conversationId === group.id)).toHaveLength(6);
  });
});
