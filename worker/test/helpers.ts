import { SELF } from 'cloudflare:test';
import type { AuthResult } from '@clipdm/shared';
import { expect } from 'vitest';

/** Test factories: each test seeds the people and relations it needs through the real API. */

let counter = 0;
/** A handle no other test in this file has used. */
export function uniqueHandle(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}_${Math.random().toString(36).slice(2, 7)}`.slice(0, 24);
}

export const ADULT = '1990-05-01';

/** A birthdate that makes someone exactly `years` old today (their birthday was yesterday). */
export function birthdateForAge(years: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() - 1));
  return d.toISOString().slice(0, 10);
}

export interface TestUser extends AuthResult {
  handle: string;
  password: string;
  /** Calls the API as this user. */
  api: (
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<Response>;
}

export async function call(
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return SELF.fetch(`http://clipdm.test${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
}

/** Registers an account (an adult unless `birthdate` says otherwise) and returns it with an API caller. */
export async function signUp(
  prefix = 'user',
  options: { birthdate?: string; displayName?: string } = {},
): Promise<TestUser> {
  const handle = uniqueHandle(prefix);
  const password = 'correct horse battery';
  const res = await call('/v1/auth/register', {
    body: { handle, password, birthdate: options.birthdate ?? ADULT, displayName: options.displayName },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const auth = (await res.json()) as AuthResult;
  return {
    ...auth,
    handle,
    password,
    api: (p, init = {}) => call(p, { ...init, token: auth.accessToken }),
  };
}

export async function followUser(a: TestUser, b: TestUser) {
  expect((await a.api(`/v1/users/${b.handle}/follow`, { method: 'PUT' })).status).toBe(204);
}

/** Makes two users mutual followers ("friends"). */
export async function befriend(a: TestUser, b: TestUser) {
  await followUser(a, b);
  await followUser(b, a);
}

export async function setPolicy(user: TestUser, dmPolicy: string) {
  const res = await user.api('/v1/me/settings', { method: 'PATCH', body: { dmPolicy } });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Asserts the contract's error shape and code, and returns the body. */
export async function expectError(res: Response, status: number, code: string) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = JSON.parse(text) as {
    error: { code: string; message: string; details?: Record<string, unknown> };
  };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(text).not.toMatch(/at \w+ \(|SQLITE|stack/i);
  return body.error;
}

/** `user` signed in again with a fresh access token (a suspension ends every login the account had). */
export async function signInAgain(user: TestUser): Promise<TestUser> {
  const res = await call('/v1/auth/login', { body: { handle: user.handle, password: user.password } });
  expect(res.status, await res.clone().text()).toBe(200);
  const auth = (await res.json()) as AuthResult;
  return { ...user, ...auth, api: (p, init = {}) => call(p, { ...init, token: auth.accessToken }) };
}
