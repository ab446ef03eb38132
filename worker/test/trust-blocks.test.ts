import type { Conversation } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { listBox, messagesOf, send, unread } from './chat-helpers.ts';
import { befriend, expectError, signUp } from './helpers.ts';
import { connect, nextMessage, sleep } from './live-socket.ts';

/** Issue 11, door 4: members who block each other stay in a shared group but no longer see each other there. */

async function sharedGroup() {
  const [owner, r, s] = [await signUp('bowner'), await signUp('blockr'), await signUp('blocks')];
  await befriend(owner, r);
  await befriend(owner, s);
  const res = await owner.api('/v1/conversations', { body: { members: [r.handle, s.handle] } });
  expect(res.status).toBe(201);
  const group = (await res.json()) as Conversation;
  await send(owner, group.id, 'welcome');
  for (const member of [r, s]) {
    await member.api(`/v1/conversations/${group.id}/read`, { body: { seq: 1000 } });
  }
  return { owner, r, s, group };
}

describe('blocks inside a shared group', () => {
  it("hides S's messages from R (and R's from S): pages, previews, unread counts, export", async () => {
    const { owner, r, s, group } = await sharedGroup();
    expect((await r.api(`/v1/users/${s.handle}/block`, { method: 'PUT' })).status).toBe(204);
    await send(s, group.id, 'from the blocked one');
    await send(r, group.id, 'from the blocker');

    const rSees = (await messagesOf(r, group.id)).map((m) => m.text);
    expect(rSees).not.toContain('from the blocked one');
    const sSees = (await messagesOf(s, group.id)).map((m) => m.text);
    expect(sSees).not.toContain('from the blocker');
    expect((await messagesOf(owner, group.id)).map((m) => m.text)).toEqual(
      expect.arrayContaining(['from the blocked one', 'from the blocker']),
    );

    const rInbox = (await listBox(r, 'inbox')).find((c) => c.id === group.id);
    expect(rInbox?.lastMessage?.text).not.toBe('from the blocked one');
    const sInbox = (await listBox(s, 'inbox')).find((c) => c.id === group.id);
    expect(sInbox?.lastMessage?.text).toBe('from the blocked one');
    expect(sInbox?.unreadCount).toBe(0);
    expect(rInbox?.unreadCount).toBe(0);
    expect(await unread(r)).toEqual({ inbox: 0, requests: 0 });
    expect(await unread(s)).toEqual({ inbox: 0, requests: 0 });
    // Nor in what the service says R can see (the account export).
    const exported = await (await r.api('/v1/me/export')).text();
    expect(exported).toContain('welcome');
    expect(exported).not.toContain('from the blocked one');
  });

  it("keeps S's messages in the group out of R's live stream", async () => {
    const { owner, r, s, group } = await sharedGroup();
    expect((await r.api(`/v1/users/${s.handle}/block`, { method: 'PUT' })).status).toBe(204);
    const live = await connect(r);
    await send(s, group.id, 'blocked live');
    await send(owner, group.id, 'owner live');
    const first = await nextMessage(live);
    expect(first.text).toBe('owner live');
    await sleep(100);
    expect(live.frames.join('\n')).not.toContain('blocked live');
    live.socket.close();
  });

  it('stops either one adding the other to a group', async () => {
    const { owner, r, s } = await sharedGroup();
    expect((await r.api(`/v1/users/${s.handle}/block`, { method: 'PUT' })).status).toBe(204);
    // To S, R (who blocked them) looks like no one; to R, S is someone they may not add.
    const bySender = await s.api('/v1/conversations', { body: { members: [r.handle, owner.handle] } });
    const nobody = await s.api('/v1/conversations', {
      body: { members: ['no_such_person_x', owner.handle] },
    });
    expect(bySender.status).toBe(nobody.status);
    await expectError(bySender, 404, 'not_found');
    await expectError(
      await r.api('/v1/conversations', { body: { members: [s.handle, owner.handle] } }),
      403,
      'cannot_message',
    );
  });
});
