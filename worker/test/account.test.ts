import { env } from 'cloudflare:test';
import type { AuthResult } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { dm, messagesOf, send } from './chat-helpers.ts';
import { befriend, call, expectError, followUser, signUp, type TestUser } from './helpers.ts';
import { messageRow, reactionRows, seedConversation } from './message-actions-seed.ts';

async function blockUser(a: TestUser, b: TestUser) {
  expect((await a.api(`/v1/users/${b.handle}/block`, { method: 'PUT' })).status).toBe(204);
}

async function count(sqlText: string, ...values: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sqlText)
    .bind(...values)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('DELETE /v1/me', () => {
  it('deletes the account: login ends, the handle is free, messages become tombstones', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const { conversation, message: mine } = await dm(alice, bob, 'personal words');
    const theirs = await send(bob, conversation.id, 'reply from bob');
    await bob.api(`/v1/messages/${mine.id}/reaction`, { method: 'PUT', body: { emoji: '👍' } });
    await alice.api(`/v1/messages/${theirs.id}/reaction`, { method: 'PUT', body: { emoji: '😂' } });
    await env.DB.prepare("insert into identifiers (user_id, kind, keyed_hash) values (?, 'email', 'k1')")
      .bind(alice.user.id)
      .run();
    await env.DB.prepare("insert into contacts (owner_id, keyed_hash) values (?, 'k2')")
      .bind(alice.user.id)
      .run();

    const res = await alice.api('/v1/me', { method: 'DELETE', body: { password: alice.password } });
    expect(res.status, await res.clone().text()).toBe(204);

    // Sessions: the refresh token is dead and the password no longer signs in.
    await expectError(
      await call('/v1/auth/refresh', { body: { refreshToken: alice.refreshToken } }),
      401,
      'unauthorized',
    );
    await expectError(
      await call('/v1/auth/login', { body: { handle: alice.handle, password: alice.password } }),
      401,
      'invalid_credentials',
    );
    await expectError(await alice.api('/v1/me'), 401, 'unauthorized');

    // The users row stays for old messages, without handle or profile.
    const userRow = await env.DB.prepare('select handle, display_name, deleted_at from users where id = ?')
      .bind(alice.user.id)
      .first<{ handle: string | null; display_name: string; deleted_at: string | null }>();
    expect(userRow).toMatchObject({ handle: null, display_name: 'Deleted account' });
    expect(userRow?.deleted_at).not.toBeNull();

    // Messages: hers are blanked tombstones without reactions; bob's stay, without her reaction.
    expect(await messageRow(mine.id)).toMatchObject({ text: null, video_url: null });
    expect((await messageRow(mine.id))?.unsent_at).not.toBeNull();
    expect(await reactionRows(mine.id)).toEqual([]);
    expect(await messageRow(theirs.id)).toMatchObject({ text: 'reply from bob', unsent_at: null });
    expect(await reactionRows(theirs.id)).toEqual([]);

    // What bob sees: her messages as tombstones from a "Deleted account".
    const [hers, his] = await messagesOf(bob, conversation.id);
    expect(hers).toMatchObject({
      id: mine.id,
      text: null,
      sender: { id: alice.user.id, displayName: 'Deleted account' },
    });
    expect(hers?.unsentAt).not.toBeNull();
    expect(his).toMatchObject({ id: theirs.id, text: 'reply from bob', reactions: [] });

    // Graph, contacts, identifiers, settings, credentials and logins are gone.
    const id = alice.user.id;
    expect(await count('select count(*) n from follows where follower_id = ?1 or followee_id = ?1', id)).toBe(
      0,
    );
    expect(await count('select count(*) n from identifiers where user_id = ?', id)).toBe(0);
    expect(await count('select count(*) n from contacts where owner_id = ?', id)).toBe(0);
    expect(await count('select count(*) n from settings where user_id = ?', id)).toBe(0);
    expect(await count('select count(*) n from credentials where user_id = ?', id)).toBe(0);
    expect(await count('select count(*) n from logins where user_id = ?', id)).toBe(0);
    expect(await count("select count(*) n from members where user_id = ? and state <> 'left'", id)).toBe(0);

    // Bob no longer finds her, and the handle can be registered again.
    await expectError(await bob.api(`/v1/users/${alice.handle}`), 404, 'not_found');
    const again = await call('/v1/auth/register', {
      body: { handle: alice.handle, password: 'another password 123', birthdate: '1991-01-01' },
    });
    expect(again.status, await again.clone().text()).toBe(201);
    expect(((await again.json()) as AuthResult).user.id).not.toBe(alice.user.id);
  });

  it('passes ownership of its groups to the longest-standing member', async () => {
    const owner = await signUp('owner');
    const first = await signUp('first');
    const second = await signUp('second');
    // Seeded directly: the owner first, the others joining one second apart.
    const group = await seedConversation([owner, first, second]);
    expect((await owner.api('/v1/me', { method: 'DELETE', body: { password: owner.password } })).status).toBe(
      204,
    );
    const { results } = await env.DB.prepare(
      'select user_id, role, state from members where conversation_id = ? order by joined_at, user_id',
    )
      .bind(group)
      .all<{ user_id: string; role: string; state: string }>();
    const byUser = Object.fromEntries(results.map((r) => [r.user_id, { role: r.role, state: r.state }]));
    expect(byUser).toEqual({
      [owner.user.id]: { role: 'member', state: 'left' },
      [first.user.id]: { role: 'owner', state: 'accepted' },
      [second.user.id]: { role: 'member', state: 'accepted' },
    });
  });

  it('takes its handle out of the group events it appears in, keeping everyone else’s', async () => {
    const [alice, bob, carol] = [await signUp('alice'), await signUp('bob'), await signUp('carol')];
    await befriend(alice, bob);
    await befriend(alice, carol);
    const res = await alice.api('/v1/conversations', { body: { members: [bob.handle, carol.handle] } });
    const { id } = (await res.json()) as { id: string };
    await send(carol, id, 'hi all');
    for (const gone of [bob, alice]) {
      expect((await gone.api('/v1/me', { method: 'DELETE', body: { password: gone.password } })).status).toBe(
        204,
      );
    }
    const created = (await messagesOf(carol, id)).find((m) => m.event?.type === 'created');
    expect(created?.event).toEqual({
      type: 'created',
      actor: { id: alice.user.id, handle: '' },
      targets: [
        { id: bob.user.id, handle: '' },
        { id: carol.user.id, handle: carol.handle },
      ],
      title: null,
    });
  });

  it('removes blocks both ways', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await blockUser(bob, alice);
    await followUser(alice, await signUp('carol'));
    expect((await alice.api('/v1/me', { method: 'DELETE', body: { password: alice.password } })).status).toBe(
      204,
    );
    expect(
      await count('select count(*) n from blocks where blocker_id = ?1 or blocked_id = ?1', alice.user.id),
    ).toBe(0);
  });

  it('refuses a wrong password with 401 invalid_credentials and deletes nothing', async () => {
    const alice = await signUp('alice');
    await expectError(
      await alice.api('/v1/me', { method: 'DELETE', body: { password: 'not the password' } }),
      401,
      'invalid_credentials',
    );
    expect((await alice.api('/v1/me')).status).toBe(200);
    expect((await call('/v1/auth/refresh', { body: { refreshToken: alice.refreshToken } })).status).toBe(200);
  });

  it('limits wrong passwords like sign-ins: the 11th try in 15 minutes is 429 with Retry-After', async () => {
    const alice = await signUp('alice');
    for (let i = 0; i < 10; i++) {
      await expectError(
        await alice.api('/v1/me', { method: 'DELETE', body: { password: `wrong password ${i}` } }),
        401,
        'invalid_credentials',
      );
    }
    const limited = await alice.api('/v1/me', { method: 'DELETE', body: { password: alice.password } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(limited, 429, 'rate_limited');
    expect((await alice.api('/v1/me')).status).toBe(200);
  });

  it('rejects a missing password with 400', async () => {
    const alice = await signUp('alice');
    await expectError(await alice.api('/v1/me', { method: 'DELETE', body: {} }), 400, 'invalid_request');
  });

  it('requires a token', async () => {
    await expectError(
      await call('/v1/me', { method: 'DELETE', body: { password: 'x' } }),
      401,
      'unauthorized',
    );
  });
});

describe('GET /v1/me/export', () => {
  it('returns profile, settings, graph, counts and the visible conversations and messages as a download', async () => {
    const alice = await signUp('alice', { displayName: 'Alice A.' });
    const bob = await signUp('bob');
    const carol = await signUp('carol');
    const dave = await signUp('dave');
    await followUser(carol, alice);
    await blockUser(alice, dave);
    await env.DB.prepare(
      "insert into identifiers (user_id, kind, keyed_hash) values (?1, 'email', 'secret-hash-1'), (?1, 'phone', 'secret-hash-2')",
    )
      .bind(alice.user.id)
      .run();
    await befriend(alice, bob);
    const { conversation, message: shown } = await dm(bob, alice, 'visible to alice');
    const withBob = conversation.id;
    const hidden = await send(bob, withBob, 'hidden by alice');
    await alice.api(`/v1/messages/${hidden.id}/hide`, { method: 'POST' });
    await alice.api(`/v1/messages/${shown.id}/reaction`, { method: 'PUT', body: { emoji: '🎉' } });
    await befriend(bob, carol);
    await dm(bob, carol, 'not for alice');

    const res = await alice.api('/v1/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="clipdm-export-${alice.handle}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.profile).toMatchObject({ id: alice.user.id, handle: alice.handle, displayName: 'Alice A.' });
    expect(body.settings).toEqual({ dmPolicy: 'friends', readReceipts: true });
    expect(body.following).toEqual([bob.handle]);
    expect(body.followers.sort()).toEqual([bob.handle, carol.handle].sort());
    expect(body.blocked).toEqual([dave.handle]);
    expect(body.identifiers).toEqual({ count: 2, byKind: { email: 1, phone: 1 } });
    expect(text).not.toContain('secret-hash');
    expect(body.conversations).toHaveLength(1);
    expect(body.conversations[0]).toMatchObject({ id: withBob, kind: 'direct', status: 'accepted' });
    expect(body.conversations[0].members.map((m: { handle: string }) => m.handle).sort()).toEqual(
      [alice.handle, bob.handle].sort(),
    );
    expect(body.messages.map((m: { text: string }) => m.text)).toEqual(['visible to alice']);
    expect(body.messages[0]).toMatchObject({ id: shown.id, sender: bob.handle, mine: false });
    expect(body.myReactions).toEqual([{ messageId: shown.id, emoji: '🎉', createdAt: expect.any(String) }]);
  });

  it('requires a token', async () => {
    await expectError(await call('/v1/me/export'), 401, 'unauthorized');
  });
});
