import { env } from 'cloudflare:test';
import type { StreamEvent } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { dm, openDirect, send } from './chat-helpers.ts';
import { befriend, call, expectError, setPolicy, signUp, type TestUser } from './helpers.ts';
import { connect, sleep } from './live-socket.ts';

const typing = (user: TestUser, conversationId: string) =>
  user.api(`/v1/conversations/${conversationId}/typing`, { method: 'POST' });

const parsed = (frames: string[]) => frames.map((f) => JSON.parse(f) as StreamEvent);

describe('POST /v1/conversations/:id/typing', () => {
  it('tells the other member, live, who is typing where', async () => {
    const [alice, bob] = [await signUp('alice'), await signUp('bob')];
    await befriend(alice, bob);
    const conversation = await openDirect(alice, bob);
    await send(alice, conversation.id, 'hi');
    const [bobLive, aliceLive] = [await connect(bob), await connect(alice)];
    expect((await typing(alice, conversation.id)).status).toBe(204);
    expect(await bobLive.nextEvent()).toEqual({
      type: 'typing',
      conversationId: conversation.id,
      userId: alice.user.id,
    });
    await sleep(200);
    // Not echoed to the typist.
    expect(parsed(aliceLive.frames)).toEqual([]);
  });

  it('stores nothing: a socket that connects afterwards hears nothing, and no table holds it', async () => {
    const [alice, bob] = [await signUp('alice'), await signUp('bob')];
    await befriend(alice, bob);
    const conversation = await openDirect(alice, bob);
    await send(alice, conversation.id, 'hi');
    expect((await typing(alice, conversation.id)).status).toBe(204);
    const late = await connect(bob);
    await sleep(300);
    expect(parsed(late.frames)).toEqual([]);
    const tables = await env.DB.prepare(
      "select name from sqlite_master where type = 'table' and name like '%typing%'",
    ).all();
    expect(tables.results).toEqual([]);
  });

  it('does not tell a request’s sender that the recipient is typing before accepting', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const { conversation } = await dm(stranger, rita, 'hello?');
    const senderLive = await connect(stranger);
    expect((await typing(rita, conversation.id)).status).toBe(204);
    await sleep(300);
    expect(parsed(senderLive.frames)).toEqual([]);
  });

  it('is not heard between members who block each other in a shared group', async () => {
    const [owner, bob, carol] = [await signUp('owner'), await signUp('bob'), await signUp('carol')];
    await befriend(owner, bob);
    await befriend(owner, carol);
    const created = await owner.api('/v1/conversations', { body: { members: [bob.handle, carol.handle] } });
    const group = (await created.json()) as { id: string };
    await send(owner, group.id, 'hi all');
    expect((await carol.api(`/v1/users/${bob.handle}/block`, { method: 'PUT' })).status).toBe(204);
    const [carolLive, ownerLive] = [await connect(carol), await connect(owner)];
    expect((await typing(bob, group.id)).status).toBe(204);
    expect(await ownerLive.nextEvent()).toMatchObject({ type: 'typing', userId: bob.user.id });
    await sleep(300);
    expect(parsed(carolLive.frames)).toEqual([]);
  });

  it('answers 404 to someone who is not a member, as for a missing conversation', async () => {
    const [alice, bob, eve] = [await signUp('alice'), await signUp('bob'), await signUp('eve')];
    await befriend(alice, bob);
    const conversation = await openDirect(alice, bob);
    await expectError(await typing(eve, conversation.id), 404, 'not_found');
    await expectError(await typing(eve, 'no-such-conversation'), 404, 'not_found');
  });

  it('is rate-limited: a flood gets 429 with Retry-After', async () => {
    const [alice, bob] = [await signUp('alice'), await signUp('bob')];
    await befriend(alice, bob);
    const conversation = await openDirect(alice, bob);
    const answers = await Promise.all(Array.from({ length: 10 }, () => typing(alice, conversation.id)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(6);
    const refused = answers.find((r) => r.status === 429);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    await expectError(refused as Response, 429, 'rate_limited');
  });

  it('needs a signed-in caller', async () => {
    await expectError(await call('/v1/conversations/x/typing', { method: 'POST' }), 401, 'unauthorized');
  });
});
