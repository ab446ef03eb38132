import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/app.ts';
import type { Env } from '../src/env.ts';
import { describeError } from '../src/lib/log.ts';
import { openDirect } from './chat-helpers.ts';
import { befriend, expectError, signUp } from './helpers.ts';

/** Calls the app directly with a changed environment (SELF always runs with the configured one). */
async function callWith(overrides: Partial<Env>, path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://clipdm.test${path}`, init), { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('secrets', () => {
  it('serves when every secret is set', async () => {
    const res = await callWith({}, '/v1/health');
    expect(res.status).toBe(200);
  });

  for (const environment of ['production', 'development']) {
    it(`refuses to serve in ${environment} while a secret is missing, and logs which one`, async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      for (const name of ['JWT_SECRET', 'CONTACTS_PEPPER', 'ADMIN_TOKEN'] as const) {
        const res = await callWith({ ENVIRONMENT: environment, [name]: '' }, '/v1/health');
        const body = await expectError(res, 500, 'internal');
        expect(JSON.stringify(body)).not.toContain(name);
        expect(logged.mock.calls.at(-1)?.[0]).toContain(name);
      }
    });
  }

  it('never puts a secret value in the log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await callWith({ JWT_SECRET: '' }, '/v1/health');
    const line = String(logged.mock.calls.at(-1)?.[0]);
    expect(line).not.toContain(env.CONTACTS_PEPPER);
    expect(line).not.toContain(env.ADMIN_TOKEN);
  });
});

describe('error logs', () => {
  it('keep the SQL of a failed query but not its bound parameters', () => {
    const error = new DrizzleQueryError(
      'insert into credentials (password_hash) values (?)',
      ['secret-password-hash'],
      new Error('D1_ERROR: no such table: credentials'),
    );
    const line = describeError(error);
    expect(line).toContain('insert into credentials');
    expect(line).toContain('no such table');
    expect(line).not.toContain('secret-password-hash');
  });

  it('describe other errors by their message', () => {
    expect(describeError(new Error('boom'))).toContain('boom');
  });
});

describe('POST /v1/conversations/:id/messages under LIMIT_MESSAGE_LENGTH', () => {
  it('refuses text over the configured length and stores text within it', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const conversation = await openDirect(alice, bob);
    const post = (text: string, clientId: string) =>
      callWith({ LIMIT_MESSAGE_LENGTH: '10' }, `/v1/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, text }),
      });
    const tooLong = await expectError(await post('eleven char', 'long'), 400, 'invalid_request');
    expect(tooLong.details?.issues).toEqual([{ path: 'text', message: 'at most 10 characters' }]);
    const fits = await post('ten chars!', 'fits');
    expect(fits.status).toBe(201);
    expect(await fits.json()).toMatchObject({ text: 'ten chars!' });
  });
});
