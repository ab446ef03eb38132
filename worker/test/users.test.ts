import { describe, expect, it } from 'vitest';
import { befriend, call, expectError, followUser, signUp } from './helpers.ts';

describe('GET /v1/users?q=', () => {
  it('finds people by handle or display-name prefix, without the caller', async () => {
    const viewer = await signUp('srch');
    const target = await signUp('zebra', { displayName: 'Quentin Blake' });
    const byHandle = await (await viewer.api(`/v1/users?q=${target.handle.slice(0, 6)}`)).json<{
      users: { handle: string }[];
    }>();
    expect(byHandle.users.map((u) => u.handle)).toContain(target.handle);
    const byName = await (await viewer.api('/v1/users?q=Quentin')).json<{ users: { handle: string }[] }>();
    expect(byName.users.map((u) => u.handle)).toContain(target.handle);
    const self = await (await viewer.api(`/v1/users?q=${viewer.handle}`)).json<{ users: unknown[] }>();
    expect(self.users).toEqual([]);
  });

  it('treats LIKE wildcards as plain characters', async () => {
    const viewer = await signUp('wild');
    await signUp('wildcard');
    const res = await (await viewer.api('/v1/users?q=%25')).json<{ users: unknown[] }>();
    expect(res.users).toEqual([]);
  });

  it('leaves out people blocked either way', async () => {
    const viewer = await signUp('blk');
    const blocker = await signUp('blocker');
    const blocked = await signUp('blockee');
    await blocker.api(`/v1/users/${viewer.handle}/block`, { method: 'PUT' });
    await viewer.api(`/v1/users/${blocked.handle}/block`, { method: 'PUT' });
    const a = await (await viewer.api(`/v1/users?q=${blocker.handle}`)).json<{ users: unknown[] }>();
    const b = await (await viewer.api(`/v1/users?q=${blocked.handle}`)).json<{ users: unknown[] }>();
    expect(a.users).toEqual([]);
    expect(b.users).toEqual([]);
  });

  it('returns at most 20 people', async () => {
    const viewer = await signUp('many');
    await Promise.all(Array.from({ length: 22 }, () => signUp('crowd')));
    const res = await (await viewer.api('/v1/users?q=crowd')).json<{ users: unknown[] }>();
    expect(res.users).toHaveLength(20);
  });

  it('answers a search longer than D1 takes in one LIKE pattern (fifty emoji), matching its whole length', async () => {
    const viewer = await signUp('longq');
    const name = `${'🙂'.repeat(14)} Smiley Person`;
    const target = await signUp('smiley', { displayName: name });
    const found = async (q: string) => {
      const res = await viewer.api(`/v1/users?q=${encodeURIComponent(q)}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return ((await res.json()) as { users: { handle: string }[] }).users.map((u) => u.handle);
    };
    expect(await found('🙂'.repeat(50))).toEqual([]);
    expect(await found(`${'🙂'.repeat(14)} Smi`)).toEqual([target.handle]);
    expect(await found(`${'🙂'.repeat(14)} smiley p`)).toEqual([target.handle]);
    // Past the part that fits in the pattern, the rest still has to match.
    expect(await found(`${'🙂'.repeat(14)} Smx`)).toEqual([]);
    expect(await found(`${'%'.repeat(30)}${'_'.repeat(20)}`)).toEqual([]);
  });

  it('shows each person found with the follow state and whether the viewer may message them', async () => {
    const viewer = await signUp('facts');
    const friend = await signUp('factfriend');
    await befriend(viewer, friend);
    const res = await viewer.api(`/v1/users?q=${friend.handle}`);
    const [user] = ((await res.json()) as { users: Record<string, unknown>[] }).users;
    expect(user).toMatchObject({
      handle: friend.handle,
      youFollow: true,
      followsYou: true,
      isFriend: true,
      canMessage: true,
    });
  });

  it('rejects an empty query and answers 401 without a token', async () => {
    const viewer = await signUp('emptyq');
    await expectError(await viewer.api('/v1/users?q='), 400, 'invalid_request');
    await expectError(await call('/v1/users?q=abc'), 401, 'unauthorized');
  });
});

describe('GET /v1/users/:handle', () => {
  it('shows the follow state both ways', async () => {
    const a = await signUp('alice');
    const b = await signUp('bob');
    await followUser(b, a);
    expect(await (await a.api(`/v1/users/${b.handle}`)).json()).toMatchObject({
      handle: b.handle,
      youFollow: false,
      followsYou: true,
      isFriend: false,
    });
    await followUser(a, b);
    expect(await (await a.api(`/v1/users/${b.handle}`)).json()).toMatchObject({
      youFollow: true,
      followsYou: true,
      isFriend: true,
    });
  });

  it('answers 404 for an unknown handle and for someone who blocked the caller', async () => {
    const a = await signUp('seeker');
    const b = await signUp('hider');
    await expectError(await a.api('/v1/users/nobody_at_all'), 404, 'not_found');
    await b.api(`/v1/users/${a.handle}/block`, { method: 'PUT' });
    await expectError(await a.api(`/v1/users/${b.handle}`), 404, 'not_found');
    // The blocker can still see the person they blocked.
    expect((await b.api(`/v1/users/${a.handle}`)).status).toBe(200);
  });

  it('rejects a malformed handle with 400 and answers 401 without a token', async () => {
    const a = await signUp('malformed');
    await expectError(await a.api('/v1/users/x'), 400, 'invalid_request');
    await expectError(await call(`/v1/users/${a.handle}`), 401, 'unauthorized');
  });
});

describe('PUT|DELETE /v1/users/:handle/follow', () => {
  it('follows and unfollows idempotently', async () => {
    const a = await signUp('fol');
    const b = await signUp('fee');
    expect((await a.api(`/v1/users/${b.handle}/follow`, { method: 'PUT' })).status).toBe(204);
    expect((await a.api(`/v1/users/${b.handle}/follow`, { method: 'PUT' })).status).toBe(204);
    expect(await (await a.api(`/v1/users/${b.handle}`)).json()).toMatchObject({ youFollow: true });
    expect((await a.api(`/v1/users/${b.handle}/follow`, { method: 'DELETE' })).status).toBe(204);
    expect((await a.api(`/v1/users/${b.handle}/follow`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await a.api(`/v1/users/${b.handle}`)).json()).toMatchObject({ youFollow: false });
  });

  it('refuses following yourself, unknown people, and people who blocked you', async () => {
    const a = await signUp('selfish');
    const b = await signUp('blocksyou');
    await expectError(await a.api(`/v1/users/${a.handle}/follow`, { method: 'PUT' }), 400, 'invalid_request');
    await expectError(await a.api('/v1/users/no_such_user/follow', { method: 'PUT' }), 404, 'not_found');
    await b.api(`/v1/users/${a.handle}/block`, { method: 'PUT' });
    await expectError(await a.api(`/v1/users/${b.handle}/follow`, { method: 'PUT' }), 404, 'not_found');
  });

  it('answers 401 without a token', async () => {
    await expectError(await call('/v1/users/someone/follow', { method: 'PUT' }), 401, 'unauthorized');
  });
});

describe('PUT|DELETE /v1/users/:handle/block and GET /v1/me/blocks', () => {
  it('blocking removes follows both ways and lists the blocked account', async () => {
    const a = await signUp('blocking');
    const b = await signUp('pest');
    await befriend(a, b);
    expect((await a.api(`/v1/users/${b.handle}/block`, { method: 'PUT' })).status).toBe(204);
    expect((await a.api(`/v1/users/${b.handle}/block`, { method: 'PUT' })).status).toBe(204);
    expect(await (await a.api(`/v1/users/${b.handle}`)).json()).toMatchObject({
      youFollow: false,
      followsYou: false,
      canMessage: false,
    });
    const list = await (await a.api('/v1/me/blocks')).json<{
      users: { handle: string }[];
      cursor: string | null;
    }>();
    expect(list.users.map((u) => u.handle)).toEqual([b.handle]);
    expect(list.cursor).toBeNull();
    expect((await a.api(`/v1/users/${b.handle}/block`, { method: 'DELETE' })).status).toBe(204);
    expect((await a.api(`/v1/users/${b.handle}/block`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await a.api('/v1/me/blocks')).json()).toEqual({ users: [], cursor: null });
  });

  it('paginates the blocked list with an opaque cursor', async () => {
    const a = await signUp('pager');
    const others = await Promise.all(Array.from({ length: 5 }, () => signUp('blk')));
    for (const other of others) await a.api(`/v1/users/${other.handle}/block`, { method: 'PUT' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { users: { handle: string }[]; cursor: string | null } = await (
        await a.api(`/v1/me/blocks?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.users.length).toBeLessThanOrEqual(2);
      seen.push(...page.users.map((u) => u.handle));
      cursor = page.cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(others.map((o) => o.handle).sort());
  });

  it('rejects a forged cursor and a bad limit with 400', async () => {
    const a = await signUp('forger');
    await expectError(await a.api('/v1/me/blocks?cursor=not-a-cursor'), 400, 'invalid_request');
    await expectError(await a.api('/v1/me/blocks?limit=0'), 400, 'invalid_request');
    await expectError(await a.api('/v1/me/blocks?limit=101'), 400, 'invalid_request');
  });

  it('answers 401 without a token', async () => {
    await expectError(await call('/v1/users/someone/block', { method: 'PUT' }), 401, 'unauthorized');
    await expectError(await call('/v1/me/blocks'), 401, 'unauthorized');
  });
});
