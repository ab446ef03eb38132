import { env } from 'cloudflare:test';
import type { User } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { call, expectError, signUp } from './helpers.ts';
import { verifyEmail } from './identifier-helpers.ts';

/** A random lower-case hex SHA-256, standing in for a hashed phone number or email. */
function randomHash(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function suggested(user: Awaited<ReturnType<typeof signUp>>): Promise<User[]> {
  const res = await user.api('/v1/me/suggested');
  expect(res.status).toBe(200);
  return ((await res.json()) as { users: User[] }).users;
}

describe('PUT /v1/me/contacts', () => {
  it('answers how many accounts the synced contacts match', async () => {
    const [alice, bob, carol] = [await signUp('alice'), await signUp('bob'), await signUp('carol')];
    const { hash: bobHash } = await verifyEmail(bob.api);
    const { hash: carolHash } = await verifyEmail(carol.api);
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
    const { hash } = await verifyEmail(bob.api);
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
    const hashes = [];
    for (const user of [alice, bob, carol]) hashes.push((await verifyEmail(user.api)).hash);
    hashes.push(randomHash());
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
