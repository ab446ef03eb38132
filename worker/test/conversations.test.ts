import { env } from 'cloudflare:test';
import type { Conversation } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { dm, listBox, messagesOf, openDirect, postMessage, send, unread } from './chat-helpers.ts';
import { befriend, call, expectError, setPolicy, signUp } from './helpers.ts';

async function friends() {
  const [alice, bob] = [await signUp('alice'), await signUp('bob')];
  await befriend(alice, bob);
  return { alice, bob };
}

async function strangerRequest() {
  const [stranger, rita] = [await signUp('str'), await signUp('rita')];
  await setPolicy(rita, 'everyone');
  const { conversation } = await dm(stranger, rita, 'hi there');
  return { stranger, rita, conversation };
}

describe('POST /v1/conversations', () => {
  it('creates the direct conversation once (201), then finds it (200)', async () => {
    const { alice, bob } = await friends();
    const first = await alice.api('/v1/conversations', { body: { members: [bob.handle] } });
    expect(first.status).toBe(201);
    const created = (await first.json()) as Conversation;
    expect(created).toMatchObject({
      kind: 'direct',
      title: null,
      status: 'accepted',
      unreadCount: 0,
      muted: false,
    });
    expect(created.lastMessage).toBeNull();
    expect(created.members.map((m) => m.handle).sort()).toEqual([alice.handle, bob.handle].sort());
    const again = await alice.api('/v1/conversations', { body: { members: [bob.handle.toUpperCase()] } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Conversation).id).toBe(created.id);
    // The other side finds the same one.
    const fromBob = await bob.api('/v1/conversations', { body: { members: [alice.handle] } });
    expect(fromBob.status).toBe(200);
    expect(((await fromBob.json()) as Conversation).id).toBe(created.id);
  });

  it('creates no ghost: the recipient has a hidden row and sees nothing until a message', async () => {
    const { alice, bob } = await friends();
    const conversation = await openDirect(alice, bob);
    const row = await env.DB.prepare('select hidden from members where conversation_id = ? and user_id = ?')
      .bind(conversation.id, bob.user.id)
      .first<{ hidden: number }>();
    expect(row?.hidden).toBe(1);
    expect(await listBox(bob, 'inbox')).toEqual([]);
    expect(await unread(bob)).toEqual({ inbox: 0, requests: 0 });
  });

  it('creates one conversation when both open it at the same time', async () => {
    const { alice, bob } = await friends();
    const results = await Promise.all([
      openDirect(alice, bob),
      openDirect(bob, alice),
      openDirect(alice, bob),
    ]);
    expect(new Set(results.map((c) => c.id)).size).toBe(1);
  });

  it('answers 403 cannot_message when the policy forbids it', async () => {
    const [alice, bob] = [await signUp('alice'), await signUp('bob')];
    await expectError(
      await alice.api('/v1/conversations', { body: { members: [bob.handle] } }),
      403,
      'cannot_message',
    );
  });

  it('answers 404 for an unknown handle and 400 for yourself or a bad body', async () => {
    const alice = await signUp('alice');
    await expectError(
      await alice.api('/v1/conversations', { body: { members: ['nobody_here'] } }),
      404,
      'not_found',
    );
    await expectError(
      await alice.api('/v1/conversations', { body: { members: [alice.handle] } }),
      400,
      'invalid_request',
    );
    await expectError(
      await alice.api('/v1/conversations', { body: { members: [] } }),
      400,
      'invalid_request',
    );
    await expectError(
      await alice.api('/v1/conversations', { body: { members: ['A B'] } }),
      400,
      'invalid_request',
    );
  });

  it('needs a token', async () => {
    await expectError(
      await call('/v1/conversations', { body: { members: ['someone'] } }),
      401,
      'unauthorized',
    );
  });
});

describe('GET /v1/conversations', () => {
  it('pages the inbox newest activity first with an opaque cursor', async () => {
    const alice = await signUp('alice');
    const ids: string[] = [];
    for (const name of ['b', 'c', 'd']) {
      const other = await signUp(name);
      await befriend(alice, other);
      ids.push((await dm(other, alice, `from ${name}`)).conversation.id);
    }
    // Activity in the first conversation moves it to the top.
    const first = ids[0] as string;
    await send(alice, first, 'bump');
    const expected = [first, ids[2], ids[1]];
    const page1 = await alice.api('/v1/conversations?box=inbox&limit=2');
    const body1 = (await page1.json()) as { conversations: Conversation[]; cursor: string | null };
    expect(body1.conversations.map((c) => c.id)).toEqual(expected.slice(0, 2));
    expect(body1.conversations[0]?.lastMessage?.text).toBe('bump');
    expect(typeof body1.cursor).toBe('string');
    const page2 = await alice.api(`/v1/conversations?box=inbox&limit=2&cursor=${body1.cursor}`);
    const body2 = (await page2.json()) as { conversations: Conversation[]; cursor: string | null };
    expect(body2.conversations.map((c) => c.id)).toEqual(expected.slice(2));
    expect(body2.cursor).toBeNull();
  });

  it('interleaves direct chats and groups by their last activity, across pages, whoever sent last', async () => {
    const alice = await signUp('mix');
    const [bo, cy, di] = [await signUp('mixb'), await signUp('mixc'), await signUp('mixd')];
    for (const other of [bo, cy, di]) await befriend(alice, other);
    const withBo = await openDirect(alice, bo);
    const withCy = await openDirect(alice, cy);
    const group = (await (
      await alice.api('/v1/conversations', { body: { members: [bo.handle, cy.handle], title: 'mix' } })
    ).json()) as Conversation;
    const group2 = (await (
      await alice.api('/v1/conversations', { body: { members: [cy.handle, di.handle], title: 'mix 2' } })
    ).json()) as Conversation;
    // Oldest to newest activity: a direct chat, a group, the other direct chat (its recipient sends), the
    // other group (a member sends), then the first direct chat again (Bo replies).
    const order = [
      [alice, withBo.id],
      [alice, group.id],
      [cy, withCy.id],
      [di, group2.id],
      [bo, withBo.id],
    ] as const;
    for (const [who, id] of order) {
      await send(who, id, `to ${id}`);
      // Activity times are milliseconds: keep each send in its own.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const expected = [withBo.id, group2.id, withCy.id, group.id];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await alice.api(`/v1/conversations?box=inbox&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const body = (await res.json()) as { conversations: Conversation[]; cursor: string | null };
      seen.push(...body.conversations.map((c) => c.id));
      cursor = body.cursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(expected);
    expect((await listBox(alice, 'inbox')).map((c) => c.id)).toEqual(expected);
    // The other side's list orders the same chat by the same activity.
    expect((await listBox(cy, 'inbox')).map((c) => c.id)).toEqual([group2.id, withCy.id, group.id]);
  });

  it('lists requests in box=requests only', async () => {
    const { rita, conversation } = await strangerRequest();
    expect((await listBox(rita, 'requests')).map((c) => c.id)).toEqual([conversation.id]);
    expect(await listBox(rita, 'inbox')).toEqual([]);
  });

  it('rejects a bad box, limit or cursor with 400', async () => {
    const alice = await signUp('alice');
    await expectError(await alice.api('/v1/conversations?box=spam'), 400, 'invalid_request');
    await expectError(await alice.api('/v1/conversations?limit=101'), 400, 'invalid_request');
    await expectError(await alice.api('/v1/conversations?cursor=nonsense'), 400, 'invalid_request');
  });

  it('needs a token', async () => {
    await expectError(await call('/v1/conversations'), 401, 'unauthorized');
  });
});

describe('GET /v1/conversations/:id', () => {
  it('shows the conversation with the viewer’s own status and unread count', async () => {
    const { stranger, rita, conversation } = await strangerRequest();
    const asRita = (await (await rita.api(`/v1/conversations/${conversation.id}`)).json()) as Conversation;
    expect(asRita).toMatchObject({ id: conversation.id, status: 'request', unreadCount: 1 });
    const asSender = (await (
      await stranger.api(`/v1/conversations/${conversation.id}`)
    ).json()) as Conversation;
    expect(asSender).toMatchObject({ status: 'accepted', unreadCount: 0 });
    expect(asSender.lastMessage?.text).toBe('hi there');
  });

  it('still opens by id for the one who declined the request', async () => {
    const { rita, conversation } = await strangerRequest();
    await rita.api(`/v1/conversations/${conversation.id}/decline`, { method: 'POST' });
    const res = await rita.api(`/v1/conversations/${conversation.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: conversation.id, status: 'request' });
  });

  it('answers 404 to a non-member and for an unknown id', async () => {
    const { conversation } = await strangerRequest();
    const outsider = await signUp('out');
    await expectError(await outsider.api(`/v1/conversations/${conversation.id}`), 404, 'not_found');
    await expectError(await outsider.api('/v1/conversations/nope'), 404, 'not_found');
  });

  it('needs a token', async () => {
    await expectError(await call('/v1/conversations/x'), 401, 'unauthorized');
  });
});

describe('GET /v1/me/unread', () => {
  it('counts conversations with unread messages per box, leaving muted ones out of the inbox', async () => {
    const { alice, bob } = await friends();
    const carol = await signUp('carol');
    await befriend(carol, alice);
    const withBob = (await dm(bob, alice)).conversation;
    await dm(carol, alice);
    await send(bob, withBob.id, 'second');
    expect(await unread(alice)).toEqual({ inbox: 2, requests: 0 });
    expect((await alice.api(`/v1/conversations/${withBob.id}/mute`, { method: 'PUT' })).status).toBe(204);
    expect(await unread(alice)).toEqual({ inbox: 1, requests: 0 });
  });

  it('needs a token', async () => {
    await expectError(await call('/v1/me/unread'), 401, 'unauthorized');
  });
});

describe('POST /v1/conversations/:id/accept', () => {
  it('moves a request to the inbox', async () => {
    const { rita, conversation } = await strangerRequest();
    const res = await rita.api(`/v1/conversations/${conversation.id}/accept`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Conversation).status).toBe('accepted');
    expect((await listBox(rita, 'inbox')).map((c) => c.id)).toEqual([conversation.id]);
    expect(await listBox(rita, 'requests')).toEqual([]);
    expect(await unread(rita)).toEqual({ inbox: 1, requests: 0 });
  });

  it('lifts the request limit', async () => {
    const { stranger, rita, conversation } = await strangerRequest();
    await send(stranger, conversation.id, '2');
    await send(stranger, conversation.id, '3');
    await expectError(await postMessage(stranger, conversation.id, '4'), 429, 'request_limit');
    await rita.api(`/v1/conversations/${conversation.id}/accept`, { method: 'POST' });
    await send(stranger, conversation.id, '4');
  });

  it('answers 404 to a non-member', async () => {
    const { conversation } = await strangerRequest();
    const outsider = await signUp('out');
    await expectError(
      await outsider.api(`/v1/conversations/${conversation.id}/accept`, { method: 'POST' }),
      404,
      'not_found',
    );
  });
});

describe('POST /v1/conversations/:id/decline', () => {
  it('hides the request from the viewer only', async () => {
    const { stranger, rita, conversation } = await strangerRequest();
    expect((await rita.api(`/v1/conversations/${conversation.id}/decline`, { method: 'POST' })).status).toBe(
      204,
    );
    expect(await listBox(rita, 'requests')).toEqual([]);
    expect((await listBox(stranger, 'inbox')).map((c) => c.id)).toEqual([conversation.id]);
  });

  it('answers 404 to a non-member', async () => {
    const { conversation } = await strangerRequest();
    const outsider = await signUp('out');
    await expectError(
      await outsider.api(`/v1/conversations/${conversation.id}/decline`, { method: 'POST' }),
      404,
      'not_found',
    );
  });
});

describe('POST /v1/conversations/:id/report', () => {
  it('keeps a copy of the reported messages, declines the request and can block', async () => {
    const { stranger, rita, conversation } = await strangerRequest();
    const res = await rita.api(`/v1/conversations/${conversation.id}/report`, {
      body: { reason: 'spam', note: 'unwanted', block: true },
    });
    expect(res.status).toBe(201);
    const { reportId } = (await res.json()) as { reportId: string };
    const row = await env.DB.prepare(
      'select reason, note, messages_json, reported_user_id from reports where id = ?',
    )
      .bind(reportId)
      .first<{ reason: string; note: string; messages_json: string; reported_user_id: string }>();
    expect(row).toMatchObject({ reason: 'spam', note: 'unwanted', reported_user_id: stranger.user.id });
    expect(JSON.parse(row?.messages_json ?? '[]')).toMatchObject([{ text: 'hi there' }]);
    expect(await listBox(rita, 'requests')).toEqual([]);
    await expectError(await postMessage(stranger, conversation.id, 'again'), 403, 'cannot_message');
  });

  it('copies only the given messages', async () => {
    const { stranger, rita, conversation } = await strangerRequest();
    const second = await send(stranger, conversation.id, 'the bad one');
    const res = await rita.api(`/v1/conversations/${conversation.id}/report`, {
      body: { reason: 'harassment', messageIds: [second.id] },
    });
    const { reportId } = (await res.json()) as { reportId: string };
    const row = await env.DB.prepare('select messages_json from reports where id = ?')
      .bind(reportId)
      .first<{ messages_json: string }>();
    expect(JSON.parse(row?.messages_json ?? '[]').map((m: { text: string }) => m.text)).toEqual([
      'the bad one',
    ]);
  });

  it('rejects an unknown reason with 400 and a non-member with 404', async () => {
    const { rita, conversation } = await strangerRequest();
    await expectError(
      await rita.api(`/v1/conversations/${conversation.id}/report`, { body: { reason: 'boring' } }),
      400,
      'invalid_request',
    );
    const outsider = await signUp('out');
    await expectError(
      await outsider.api(`/v1/conversations/${conversation.id}/report`, { body: { reason: 'spam' } }),
      404,
      'not_found',
    );
  });
});

describe('POST /v1/conversations/:id/read', () => {
  it('moves the read marker forward only, and clears the unread count', async () => {
    const { alice, bob } = await friends();
    const { conversation } = await dm(alice, bob, 'one');
    await send(alice, conversation.id, 'two');
    expect(await unread(bob)).toEqual({ inbox: 1, requests: 0 });
    expect((await bob.api(`/v1/conversations/${conversation.id}/read`, { body: { seq: 2 } })).status).toBe(
      204,
    );
    expect(await unread(bob)).toEqual({ inbox: 0, requests: 0 });
    expect((await bob.api(`/v1/conversations/${conversation.id}/read`, { body: { seq: 1 } })).status).toBe(
      204,
    );
    const view = (await (await alice.api(`/v1/conversations/${conversation.id}`)).json()) as Conversation;
    expect(view.members.find((m) => m.id === bob.user.id)?.lastReadSeq).toBe(2);
  });

  it('counts only what is after the marker', async () => {
    const { alice, bob } = await friends();
    const { conversation } = await dm(alice, bob, 'one');
    await send(alice, conversation.id, 'two');
    await bob.api(`/v1/conversations/${conversation.id}/read`, { body: { seq: 1 } });
    const view = (await (await bob.api(`/v1/conversations/${conversation.id}`)).json()) as Conversation;
    expect(view.unreadCount).toBe(1);
  });

  it('rejects a bad seq with 400 and a non-member with 404', async () => {
    const { alice, bob } = await friends();
    const { conversation } = await dm(alice, bob);
    await expectError(
      await bob.api(`/v1/conversations/${conversation.id}/read`, { body: { seq: -1 } }),
      400,
      'invalid_request',
    );
    const outsider = await signUp('out');
    await expectError(
      await outsider.api(`/v1/conversations/${conversation.id}/read`, { body: { seq: 1 } }),
      404,
      'not_found',
    );
  });
});

describe('PUT|DELETE /v1/conversations/:id/mute', () => {
  it('mutes and unmutes for the viewer', async () => {
    const { alice, bob } = await friends();
    const { conversation } = await dm(alice, bob);
    expect((await bob.api(`/v1/conversations/${conversation.id}/mute`, { method: 'PUT' })).status).toBe(204);
    let view = (await (await bob.api(`/v1/conversations/${conversation.id}`)).json()) as Conversation;
    expect(view.muted).toBe(true);
    expect((await bob.api(`/v1/conversations/${conversation.id}/mute`, { method: 'DELETE' })).status).toBe(
      204,
    );
    view = (await (await bob.api(`/v1/conversations/${conversation.id}`)).json()) as Conversation;
    expect(view.muted).toBe(false);
  });

  it('answers 404 to a non-member', async () => {
    const { alice, bob } = await friends();
    const { conversation } = await dm(alice, bob);
    const outsider = await signUp('out');
    for (const method of ['PUT', 'DELETE']) {
      await expectError(
        await outsider.api(`/v1/conversations/${conversation.id}/mute`, { method }),
        404,
        'not_found',
      );
    }
  });
});

describe('POST /v1/conversations/:id/leave', () => {
  it('hides a direct conversation until a new message arrives, history intact', async () => {
    const { alice, bob } = await friends();
    const { conversation } = await dm(alice, bob, 'old');
    expect((await bob.api(`/v1/conversations/${conversation.id}/leave`, { method: 'POST' })).status).toBe(
      204,
    );
    expect(await listBox(bob, 'inbox')).toEqual([]);
    await send(alice, conversation.id, 'new');
    expect((await listBox(bob, 'inbox')).map((c) => c.id)).toEqual([conversation.id]);
    expect((await messagesOf(bob, conversation.id)).map((m) => m.text)).toEqual(['old', 'new']);
  });

  it('answers 404 to a non-member', async () => {
    const { alice, bob } = await friends();
    const { conversation } = await dm(alice, bob);
    const outsider = await signUp('out');
    await expectError(
      await outsider.api(`/v1/conversations/${conversation.id}/leave`, { method: 'POST' }),
      404,
      'not_found',
    );
  });
});

describe('every conversation and message route', () => {
  it('answers 404 to a non-member, never 403', async () => {
    const { alice, bob } = await friends();
    const { conversation } = await dm(alice, bob);
    const outsider = await signUp('out');
    const base = `/v1/conversations/${conversation.id}`;
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['PATCH', base, { title: 'x' }],
      ['POST', `${base}/members`, { handles: [outsider.handle] }],
      ['DELETE', `${base}/members/${bob.handle}`],
      ['POST', `${base}/accept`],
      ['POST', `${base}/decline`],
      ['POST', `${base}/report`, { reason: 'spam' }],
      ['POST', `${base}/read`, { seq: 1 }],
      ['PUT', `${base}/mute`],
      ['DELETE', `${base}/mute`],
      ['POST', `${base}/leave`],
      ['GET', `${base}/messages`],
      ['POST', `${base}/messages`, { clientId: 'x', text: 'hi' }],
    ];
    for (const [method, path, body] of routes) {
      const res = await outsider.api(path, { method, body });
      await expectError(res, 404, 'not_found');
    }
  });
});
