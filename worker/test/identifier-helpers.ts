import type { Identifier } from '@clipdm/shared';
import { expect } from 'vitest';

/** Verified identifiers through the real flow: the code goes to the sender stand-in and is read back there. */

type Api = (path: string, init?: { method?: string; body?: unknown }) => Promise<Response>;

let counter = 0;
/** An email address no other test has used. */
export function uniqueEmail(prefix = 'person'): string {
  counter += 1;
  return `${prefix}${counter}.${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** The lower-case hex SHA-256 a client syncs for a normalised identifier. */
export async function contactHash(normalized: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalized));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The codes the email/SMS stand-in received for `to`, oldest first. */
export async function codesSentTo(to: string): Promise<string[]> {
  const res = await fetch(`http://providers.test/senders/sent?to=${encodeURIComponent(to)}`);
  const { messages } = (await res.json()) as { messages: { text: string }[] };
  return messages.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1] ?? '');
}

/** The last code sent to `to`. */
export async function lastCodeSentTo(to: string): Promise<string> {
  const codes = await codesSentTo(to);
  expect(codes.length).toBeGreaterThan(0);
  return codes.at(-1) as string;
}

export async function requestCode(api: Api, kind: 'email' | 'phone', value: string) {
  return api('/v1/me/identifiers', { body: { kind, value } });
}

export async function confirmCode(api: Api, kind: 'email' | 'phone', value: string, code: string) {
  return api('/v1/me/identifiers/confirm', { body: { kind, value, code } });
}

/** Adds and confirms an email for `api`'s account; returns it and the hash others' contacts hold. */
export async function verifyEmail(api: Api, email = uniqueEmail()) {
  expect((await requestCode(api, 'email', email)).status).toBe(202);
  const res = await confirmCode(api, 'email', email, await lastCodeSentTo(email));
  expect(res.status, await res.clone().text()).toBe(201);
  return { email, hash: await contactHash(email), identifier: (await res.json()) as Identifier };
}
