import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { app } from '../src/app.ts';
import type { Env } from '../src/env.ts';
import type { TestUser } from './helpers.ts';

/** Factories for the trust tests: calls with a changed environment, and real parallel bursts. */

/** Calls the app directly with `overrides` on the environment (SELF always runs with the configured one). */
export async function callWith(
  overrides: Partial<Env>,
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://clipdm.test${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { ...env, ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

/** `callWith` as a signed-in user. */
export function callAs(
  user: TestUser,
  overrides: Partial<Env>,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return callWith(overrides, path, { ...init, token: user.accessToken });
}

/** Starts `n` requests at once (not one after another) and returns their statuses. */
export async function burst(n: number, request: (i: number) => Promise<Response>): Promise<number[]> {
  const responses = await Promise.all(Array.from({ length: n }, (_, i) => request(i)));
  await Promise.all(responses.map((r) => r.body?.cancel()));
  return responses.map((r) => r.status);
}

/** How many of `statuses` equal `status`. */
export function countOf(statuses: number[], status: number): number {
  return statuses.filter((s) => s === status).length;
}

/** Makes `user` reachable by anyone (the `everyone` policy), for tests about strangers. */
export async function openToEveryone(user: TestUser) {
  const res = await user.api('/v1/me/settings', { method: 'PATCH', body: { dmPolicy: 'everyone' } });
  if (res.status !== 200) throw new Error(`setting the policy failed: ${res.status}`);
}
