import type { Conversation } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { befriend, signUp, type TestUser } from './helpers.ts';
import { openToEveryone } from './trust-helpers.ts';

/**
 * Issue 11, door 6: an account that blocked the caller looks exactly like one that does not exist, on every
 * route that names a handle — same status, code, message and details (the handle itself aside).
 */

/** A response with the asked-about handle replaced, so two answers about two handles compare. */
async function look(res: Response, handle: string) {
  const text = await res.text();
  return { status: res.status, body: text.split(handle).join('<handle>') };
}

async function setting() {
  const [caller, blocker, friend] = [
    await signUp('caller'),
    await signUp('blocker'),
    await signUp('cfriend'),
  ];
  await openToEveryone(blocker);
  await befriend(caller, friend);
  expect((await blocker.api(`/v1/users/${caller.handle}/block`, { method: 'PUT' })).status).toBe(204);
  const group = (await (
    await caller.api('/v1/conversations', {
      body: { members: [friend.handle, (await friendOf(caller)).handle] },
    })
  ).json()) as Conversation;
  return { caller, blocker, friend, group, nobody: `nobody_${Math.random().toString(36).slice(2, 9)}` };
}

async function friendOf(user: TestUser) {
  const friend = await signUp('cfriend');
  await befriend(user, friend);
  return friend;
}

describe('"blocked me" and "no such account" answer alike', () => {
  const routes: [
    string,
    (caller: TestUser, handle: string, extra: { friend: TestUser; group: Conversation }) => Promise<Response>,
  ][] = [
    ['GET /v1/users/:handle', (c, h) => c.api(`/v1/users/${h}`)],
    ['PUT /v1/users/:handle/follow', (c, h) => c.api(`/v1/users/${h}/follow`, { method: 'PUT' })],
    ['DELETE /v1/users/:handle/follow', (c, h) => c.api(`/v1/users/${h}/follow`, { method: 'DELETE' })],
    ['PUT /v1/users/:handle/block', (c, h) => c.api(`/v1/users/${h}/block`, { method: 'PUT' })],
    ['DELETE /v1/users/:handle/block', (c, h) => c.api(`/v1/users/${h}/block`, { method: 'DELETE' })],
    ['POST /v1/conversations (direct)', (c, h) => c.api('/v1/conversations', { body: { members: [h] } })],
    [
      'POST /v1/conversations (group)',
      (c, h, { friend }) => c.api('/v1/conversations', { body: { members: [friend.handle, h] } }),
    ],
    [
      'POST /v1/conversations/:id/members',
      (c, h, { group }) => c.api(`/v1/conversations/${group.id}/members`, { body: { handles: [h] } }),
    ],
  ];

  for (const [name, request] of routes) {
    it(name, async () => {
      const { caller, blocker, friend, group, nobody } = await setting();
      const blocked = await look(await request(caller, blocker.handle, { friend, group }), blocker.handle);
      const missing = await look(await request(caller, nobody, { friend, group }), nobody);
      expect(blocked).toEqual(missing);
    });
  }
});
