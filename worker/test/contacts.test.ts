import { env } from 'cloudflare:test';
import type { User } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { call, expectError, signUp } from './helpers.ts';

/** A random lower-case hex SHA-256, standing in for a hashed phone number or email. */
function randomHash(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function suggested(user: Awaited<ReturnType<typeof signUp>>): Promise<User[]> {
  const res = await user.api('/v1/me/suggested');
  expect(res.status).toBe(200);
  return ((await res.json()) as { users: User[] }).users;
}

describe('PUT /v1/me/identifiers', () => {
  it('stores keyed hashes only, never the hash the client sent', async () => {
    const alice = await signUp('alice');
    const hash = randomHash();
    const res = await alice.api('/v1/me/identifiers', {
      method: 'PUT',
      body: { identifiers: [{ kind: 'email', hash }] },
    });
    expect(res.status).toBe(204);
    const rows = await env.DB.prepare('select kind, keyed_hash from identifiers where user_id = ?')
      .bind(alice.user.id)
      .all<{ kind: string; keyed_hash: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]?.kind).toBe('email');
    expect(rows.results[0]?.keyed_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.results[0]?.keyed_hash).not.toBe(hash);
  });

  it('replaces the earlier set', async () => {
    const alice = await signUp('alice');
    for (const hash of [randomHash(), randomHash()]) {
      const body = { identifiers: [{ kind: 'phone', hash }] };
      expect((await alice.api('/v1/me/identifiers', { method: 'PUT', body })).status).toBe(204);
    }
    const row = await env.DB.prepare('select count(*) as n from identifiers where user_id = ?')
      .bind(alice.user.id)
      .first<{ n: number }>();
    expect(row?.n).toBe(1);
  });

  it('rejects a value that is not a SHA-256, and more than 10', async () => {
    const alice = await signUp('alice');
    await expectError(
      await alice.api('/v1/me/identifiers', {
        method: 'PUT',
        body: { identifiers: [{ kind: 'phone', hash: '+31612345678' }] },
      }),
      400,
      'invalid_request',
    );
    const many = Array.from({ length: 11 }, () => ({ kind: 'email', hash: randomHash() }));
    await expectError(
      await alice.api('/v1/me/identifiers', { method: 'PUT', body: { identifiers: many } }),
      400,
      'invalid_request',
    );
  });

  it('needs a token', async () => {
    await expectError(
      await call('/v1/me/identifiers', { method: 'PUT', body: { identifiers: [] } }),
      401,
      'unauthorized',
    );
  });
});

describe('PUT /v1/me/contacts', () => {
  it('answers how many accounts the synced contacts match', async () => {
    const [alice, bob, carol] = [await signUp('alice'), await signUp('bob'), await signUp('carol')];
    const [bobHash, carolHash] = [randomHash(), randomHash()];
    await bob.api('/v1/me/identifiers', {
      method: 'PUT',
      body: { identifiers: [{ kind: 'phone', hash: bobHash }] },
    });
    await carol.api('/v1/me/identifiers', {
      method: 'PUT',
      body: { identifiers: [{ kind: 'email', hash: carolHash }] },
    });
    const res = await alice.api('/v1/me/contacts', {
      method: 'PUT',
      body: { hashes: [bobHash, carolHash, randomHash()] },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ matched: 2 });
  });

  it('takes a full sync of 5000 hashes and replaces the earlier set', async () => {
    const alice = await signUp('alice');
    const hashes = Array.from({ length: 5000 }, randomHash);
    const res = await alice.api('/v1/me/contacts', { method: 'PUT', body: { hashes } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(
      (await alice.api('/v1/me/contacts', { method: 'PUT', body: { hashes: [randomHash()] } })).status,
    ).toBe(200);
    const row = await env.DB.prepare('select count(*) as n from contacts where owner_id = ?')
      .bind(alice.user.id)
      .first<{ n: number }>();
    expect(row?.n).toBe(1);
  });

  it('rejects more than 5000 hashes', async () => {
    const alice = await signUp('alice');
    const hashes = Array.from({ length: 5001 }, () => 'a'.repeat(64));
    await expectError(
      await alice.api('/v1/me/contacts', { method: 'PUT', body: { hashes } }),
      400,
      'invalid_request',
    );
  });

  it('needs a token', async () => {
    await expectError(
      await call('/v1/me/contacts', { method: 'PUT', body: { hashes: [] } }),
      401,
      'unauthorized',
    );
  });
});

describe('DELETE /v1/me/contacts', () => {
  it('forgets the synced contacts, so nobody is suggested any more', async () => {
    const [alice, bob] = [await signUp('alice'), await signUp('bob')];
    const hash = randomHash();
    await bob.api('/v1/me/identifiers', { method: 'PUT', body: { identifiers: [{ kind: 'phone', hash }] } });
    await alice.api('/v1/me/contacts', { method: 'PUT', body: { hashes: [hash] } });
    expect((await suggested(alice)).map((u) => u.handle)).toEqual([bob.handle]);
    expect((await alice.api('/v1/me/contacts', { method: 'DELETE' })).status).toBe(204);
    expect(await suggested(alice)).toEqual([]);
  });

  it('needs a token', async () => {
    await expectError(await call('/v1/me/contacts', { method: 'DELETE' }), 401, 'unauthorized');
  });
});

describe('GET /v1/me/suggested', () => {
  it('lists accounts whose identifiers are in the synced contacts, minus blocks and yourself', async () => {
    const [alice, bob, carol, dave] = [
      await signUp('alice'),
      await signUp('bob'),
      await signUp('carol'),
      await signUp('dave'),
    ];
    const hashes = [randomHash(), randomHash(), randomHash(), randomHash()];
    for (const [user, hash] of [
      [alice, hashes[0]],
      [bob, hashes[1]],
      [carol, hashes[2]],
    ] as const) {
      await user.api('/v1/me/identifiers', {
        method: 'PUT',
        body: { identifiers: [{ kind: 'email', hash }] },
      });
    }
    await alice.api('/v1/me/contacts', { method: 'PUT', body: { hashes } });
    await carol.api(`/v1/users/${alice.handle}/block`, { method: 'PUT' });
    const users = await suggested(alice);
    expect(users.map((u) => u.handle)).toEqual([bob.handle]);
    expect(Object.keys(users[0] ?? {})).not.toContain('hash');
    expect(JSON.stringify(users)).not.toContain(hashes[1]);
    expect(users.map((u) => u.handle)).not.toContain(dave.handle);
  });

  it('needs a token', async () => {
    await expectError(await call('/v1/me/suggested'), 401, 'unauthorized');
  });
});
