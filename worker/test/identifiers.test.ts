import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import type { Identifier, User } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { call, expectError, setPolicy, signUp, type TestUser } from './helpers.ts';
import {
  codesSentTo,
  confirmCode,
  contactHash,
  lastCodeSentTo,
  requestCode,
  uniqueEmail,
  verifyEmail,
} from './identifier-helpers.ts';

async function listOf(user: TestUser): Promise<Identifier[]> {
  const res = await user.api('/v1/me/identifiers');
  expect(res.status).toBe(200);
  return ((await res.json()) as { identifiers: Identifier[] }).identifiers;
}

async function suggestedTo(user: TestUser): Promise<string[]> {
  const res = await user.api('/v1/me/suggested');
  expect(res.status).toBe(200);
  return ((await res.json()) as { users: User[] }).users.map((u) => u.handle);
}

async function syncContacts(user: TestUser, hashes: string[]) {
  const res = await user.api('/v1/me/contacts', { method: 'PUT', body: { hashes } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { matched: number }).matched;
}

function uniquePhone(): string {
  return `+3161${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

describe('POST /v1/me/identifiers and /confirm', () => {
  it('sends a 6-digit code by email that verifies the address', async () => {
    const alice = await signUp('alice');
    const email = uniqueEmail('Alice');
    expect((await requestCode(alice.api, 'email', `  ${email.toUpperCase()} `)).status).toBe(202);
    const code = await lastCodeSentTo(email.toLowerCase());
    expect(code).toMatch(/^\d{6}$/);
    const res = await confirmCode(alice.api, 'email', email, code);
    expect(res.status).toBe(201);
    const identifier = (await res.json()) as Identifier;
    expect(identifier).toMatchObject({ kind: 'email', hint: `a•••@example.com` });
    expect(Number.isNaN(Date.parse(identifier.verifiedAt))).toBe(false);
    expect(await listOf(alice)).toEqual([identifier]);
  });

  it('sends a code by SMS that verifies a phone number', async () => {
    const alice = await signUp('alice');
    const phone = uniquePhone();
    expect((await requestCode(alice.api, 'phone', phone)).status).toBe(202);
    // The SMS API takes the number without its "+".
    const code = await lastCodeSentTo(phone.slice(1));
    const res = await confirmCode(alice.api, 'phone', phone, code);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'phone', hint: `+31•••••${phone.slice(-3)}` });
  });

  it('refuses a wrong code, and still takes the right one after it', async () => {
    const alice = await signUp('alice');
    const email = uniqueEmail();
    await requestCode(alice.api, 'email', email);
    const code = await lastCodeSentTo(email);
    const wrong = code === '000000' ? '000001' : '000000';
    await expectError(await confirmCode(alice.api, 'email', email, wrong), 400, 'invalid_request');
    expect((await confirmCode(alice.api, 'email', email, code)).status).toBe(201);
  });

  it('allows 5 tries: after 5 wrong codes the right one fails too', async () => {
    const alice = await signUp('alice');
    const email = uniqueEmail();
    await requestCode(alice.api, 'email', email);
    const code = await lastCodeSentTo(email);
    const wrong = code === '000000' ? '000001' : '000000';
    const tries = await Promise.all(
      Array.from({ length: 5 }, () => confirmCode(alice.api, 'email', email, wrong)),
    );
    expect(tries.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    await expectError(await confirmCode(alice.api, 'email', email, code), 400, 'invalid_request');
    expect(await listOf(alice)).toEqual([]);
  });

  it('refuses an expired code', async () => {
    const alice = await signUp('alice');
    const email = uniqueEmail();
    await requestCode(alice.api, 'email', email);
    await env.DB.prepare('update identifier_codes set expires_at = 0 where user_id = ?')
      .bind(alice.user.id)
      .run();
    await expectError(
      await confirmCode(alice.api, 'email', email, await lastCodeSentTo(email)),
      400,
      'invalid_request',
    );
  });

  it("refuses someone else's code: a code is for the account that asked", async () => {
    const [alice, mallory] = [await signUp('alice'), await signUp('mallory')];
    const email = uniqueEmail();
    await requestCode(alice.api, 'email', email);
    await expectError(
      await confirmCode(mallory.api, 'email', email, await lastCodeSentTo(email)),
      400,
      'invalid_request',
    );
  });

  it('sends at most 5 codes an hour per account, counted atomically', async () => {
    const alice = await signUp('alice');
    const email = uniqueEmail();
    const answers = await Promise.all(
      Array.from({ length: 7 }, () => requestCode(alice.api, 'email', email)),
    );
    expect(answers.filter((r) => r.status === 202)).toHaveLength(5);
    const limited = answers.filter((r) => r.status === 429);
    expect(limited).toHaveLength(2);
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await codesSentTo(email)).toHaveLength(5);
  });

  it('refuses what is not an email or phone, and codes that are not 6 digits', async () => {
    const alice = await signUp('alice');
    await expectError(await requestCode(alice.api, 'email', 'not-an-email'), 400, 'invalid_request');
    await expectError(await requestCode(alice.api, 'phone', '0612345678'), 400, 'invalid_request');
    await expectError(await confirmCode(alice.api, 'email', uniqueEmail(), '12345'), 400, 'invalid_request');
  });

  it('needs a token', async () => {
    await expectError(
      await call('/v1/me/identifiers', { body: { kind: 'email', value: uniqueEmail() } }),
      401,
      'unauthorized',
    );
    await expectError(await call('/v1/me/identifiers'), 401, 'unauthorized');
  });
});

describe('one account at a time', () => {
  it('moves an identifier to the account that confirms it last', async () => {
    const [alice, bob, carol] = [await signUp('alice'), await signUp('bob'), await signUp('carol')];
    const { email, hash } = await verifyEmail(alice.api);
    await verifyEmail(bob.api, email);
    expect(await listOf(alice)).toEqual([]);
    expect((await listOf(bob)).map((i) => i.kind)).toEqual(['email']);
    expect(await syncContacts(carol, [hash])).toBe(1);
    expect(await suggestedTo(carol)).toEqual([bob.handle]);
  });
});

describe('suggested friends need verified identifiers', () => {
  it('makes the owner of a verified email a suggested friend, and lets them past a suggested policy', async () => {
    const [owner, friend] = [await signUp('owner'), await signUp('friend')];
    const { hash } = await verifyEmail(owner.api);
    await setPolicy(friend, 'suggested');
    expect(await syncContacts(friend, [hash])).toBe(1);
    expect(await suggestedTo(friend)).toEqual([owner.handle]);
    const profile = (await (await owner.api(`/v1/users/${friend.handle}`)).json()) as User;
    expect(profile.canMessage).toBe(true);
  });

  it('does nothing for a claim without the code', async () => {
    const [claimant, friend] = [await signUp('claim'), await signUp('friend')];
    const email = uniqueEmail();
    expect((await requestCode(claimant.api, 'email', email)).status).toBe(202);
    await setPolicy(friend, 'suggested');
    expect(await syncContacts(friend, [await contactHash(email)])).toBe(0);
    expect(await suggestedTo(friend)).toEqual([]);
    const profile = (await (await claimant.api(`/v1/users/${friend.handle}`)).json()) as User;
    expect(profile.canMessage).toBe(false);
  });

  it('does nothing for identifiers stored before verification existed', async () => {
    const [old, friend] = [await signUp('old'), await signUp('friend')];
    const email = uniqueEmail();
    await verifyEmail(old.api, email);
    // What the migration leaves of an old claim: the same row, with no verification.
    await env.DB.prepare('update identifiers set verified_at = null where user_id = ?')
      .bind(old.user.id)
      .run();
    expect(await syncContacts(friend, [await contactHash(email)])).toBe(0);
    expect(await suggestedTo(friend)).toEqual([]);
    expect(await listOf(old)).toEqual([]);
  });
});

describe('DELETE /v1/me/identifiers/:id', () => {
  it('removes the identifier, so contacts no longer find its owner', async () => {
    const [alice, carol] = [await signUp('alice'), await signUp('carol')];
    const { hash, identifier } = await verifyEmail(alice.api);
    await syncContacts(carol, [hash]);
    expect(await suggestedTo(carol)).toEqual([alice.handle]);
    expect((await alice.api(`/v1/me/identifiers/${identifier.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await listOf(alice)).toEqual([]);
    expect(await suggestedTo(carol)).toEqual([]);
    await expectError(
      await alice.api(`/v1/me/identifiers/${identifier.id}`, { method: 'DELETE' }),
      404,
      'not_found',
    );
  });

  it("answers 404 for someone else's identifier and leaves it", async () => {
    const [alice, bob] = [await signUp('alice'), await signUp('bob')];
    const { identifier } = await verifyEmail(alice.api);
    await expectError(
      await bob.api(`/v1/me/identifiers/${identifier.id}`, { method: 'DELETE' }),
      404,
      'not_found',
    );
    expect(await listOf(alice)).toHaveLength(1);
  });
});

describe('PUT /v1/me/identifiers', () => {
  it('is gone', async () => {
    const alice = await signUp('alice');
    const body = { identifiers: [{ kind: 'email', hash: 'a'.repeat(64) }] };
    await expectError(await alice.api('/v1/me/identifiers', { method: 'PUT', body }), 404, 'not_found');
  });
});

describe('GET /v1/dev/outbox', () => {
  it('is 404 outside development', async () => {
    await expectError(await call('/v1/dev/outbox?to=a@example.com'), 404, 'not_found');
    await expectError(await call('/v1/dev/outbox'), 404, 'not_found');
  });

  it('holds the codes instead of sending them in development', async () => {
    const development = { ...env, ENVIRONMENT: 'development' };
    const alice = await signUp('alice');
    const email = uniqueEmail();
    const send = async (request: Request) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(request, development, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    const asked = await send(
      new Request('http://clipdm.test/v1/me/identifiers', {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'email', value: email }),
      }),
    );
    expect(asked.status).toBe(202);
    expect(await codesSentTo(email)).toEqual([]);
    const res = await send(new Request(`http://clipdm.test/v1/dev/outbox?to=${encodeURIComponent(email)}`));
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as { messages: { to: string; text: string; code: string }[] };
    expect(messages).toHaveLength(1);
    expect(messages[0]?.to).toBe(email);
    expect(messages[0]?.code).toMatch(/^\d{6}$/);
    expect(messages[0]?.text).toContain(messages[0]?.code);
    expect((await confirmCode(alice.api, 'email', email, messages[0]?.code as string)).status).toBe(201);
  });
});
