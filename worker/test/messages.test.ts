import { env } from 'cloudflare:test';
import type { Message } from '@clipdm/shared';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dm, messagesOf, openDirect, postMessage, send } from './chat-helpers.ts';
import { befriend, call, expectError, setPolicy, signUp } from './helpers.ts';

// The video site is never reached from tests: a shared video starts an oEmbed lookup in `waitUntil`.
const fetchSpy = vi
  .spyOn(globalThis, 'fetch')
  .mockImplementation(async () => new Response(null, { status: 404 }));
afterAll(() => fetchSpy.mockRestore());

async function friendsChat() {
  const [alice, bob] = [await signUp('alice'), await signUp('bob')];
  await befriend(alice, bob);
  const conversation = await openDirect(alice, bob);
  return { alice, bob, id: conversation.id };
}

describe('POST /v1/conversations/:id/messages', () => {
  it('stores a text message with the next seq and answers 201 with the Message', async () => {
    const { alice, bob, id } = await friendsChat();
    const res = await postMessage(alice, id, '  Hello\tthere\nfriend  ', 'my-client-id');
    expect(res.status).toBe(201);
    const message = (await res.json()) as Message;
    expect(message).toMatchObject({
      conversationId: id,
      seq: 1,
      kind: 'text',
      text: 'Hello\tthere\nfriend',
      video: null,
      reactions: [],
      clientId: 'my-client-id',
      unsentAt: null,
      sender: { id: alice.user.id, handle: alice.handle },
    });
    expect((await send(bob, id, 'back')).seq).toBe(2);
    // clientId is shown to its sender only.
    const seenByBob = await messagesOf(bob, id);
    expect(seenByBob[0]?.clientId).toBeNull();
    expect(seenByBob[1]?.clientId).not.toBeNull();
  });

  it('normalises text to NFC', async () => {
    const { alice, id } = await friendsChat();
    const message = await send(alice, id, 'cafe\u0301');
    expect(message.text).toBe('café');
    expect(message.text?.length).toBe(4);
  });

  it('rejects empty, over-long and control-character text, and text with video, with 400', async () => {
    const { alice, id } = await friendsChat();
    for (const text of ['   ', 'x'.repeat(2001), 'bell\u0007', 'nul\u0000', 'c1\u0085']) {
      await expectError(await postMessage(alice, id, text), 400, 'invalid_request');
    }
    expect((await postMessage(alice, id, 'x'.repeat(2000))).status).toBe(201);
    const both = await alice.api(`/v1/conversations/${id}/messages`, {
      body: { clientId: 'both', text: 'hi', video: { url: 'https://www.tiktok.com/@a/video/1' } },
    });
    await expectError(both, 400, 'invalid_request');
    await expectError(
      await alice.api(`/v1/conversations/${id}/messages`, { body: { text: 'no client id' } }),
      400,
      'invalid_request',
    );
  });

  it('shares a video of the video site, and refuses other URLs with 400', async () => {
    const { alice, id } = await friendsChat();
    const url = 'https://www.tiktok.com/@someone/video/7212345678901234567';
    const res = await alice.api(`/v1/conversations/${id}/messages`, {
      body: { clientId: 'v1', video: { url } },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const message = (await res.json()) as Message;
    expect(message.kind).toBe('video');
    expect(message.text).toBeNull();
    expect(message.video).toMatchObject({ url, videoId: '7212345678901234567', authorHandle: 'someone' });
    for (const bad of [
      'javascript:alert(1)',
      'https://www.tiktok.com.evil.example/@a/video/1',
      'https://example.com/x',
    ]) {
      const refused = await alice.api(`/v1/conversations/${id}/messages`, {
        body: { clientId: 'v2', video: { url: bad } },
      });
      await expectError(refused, 400, 'invalid_request');
    }
  });

  it('returns the first message with 200 when the same clientId is sent again', async () => {
    const { alice, id } = await friendsChat();
    const first = (await (await postMessage(alice, id, 'once', 'same')).json()) as Message;
    const again = await postMessage(alice, id, 'twice', 'same');
    expect(again.status).toBe(200);
    expect(((await again.json()) as Message).id).toBe(first.id);
    expect((await messagesOf(alice, id)).map((m) => m.text)).toEqual(['once']);
  });

  it('allows 3 messages while the recipient’s status is request, then 429 request_limit', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const { conversation } = await dm(stranger, rita, '1');
    await send(stranger, conversation.id, '2');
    await send(stranger, conversation.id, '3');
    await expectError(await postMessage(stranger, conversation.id, '4'), 429, 'request_limit');
  });

  it('holds the request limit under parallel sends', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const conversation = await openDirect(stranger, rita);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => postMessage(stranger, conversation.id, `m${i}`)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);
  });

  it('limits messages per minute with 429 rate_limited and Retry-After', async () => {
    const { alice, id } = await friendsChat();
    for (let i = 0; i < 60; i++) await send(alice, id, `m${i}`);
    const res = await postMessage(alice, id, 'one too many');
    await expectError(res, 429, 'rate_limited');
    const retryAfter = Number(res.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits new request conversations to 20 a day', async () => {
    const sender = await signUp('spam');
    for (let i = 0; i < 20; i++) {
      const target = await signUp(`t${i}`);
      await setPolicy(target, 'everyone');
      await dm(sender, target);
    }
    const last = await signUp('t20');
    await setPolicy(last, 'everyone');
    const conversation = await openDirect(sender, last);
    const res = await postMessage(sender, conversation.id, 'hello');
    await expectError(res, 429, 'rate_limited');
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Messages to friends are not requests and still go through.
    const friend = await signUp('fr');
    await befriend(sender, friend);
    await dm(sender, friend);
  });

  it('stores 50 parallel sends with seq 1..50, no gaps, no duplicates', async () => {
    const { alice, bob, id } = await friendsChat();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postMessage(i % 2 ? alice : bob, id, `m${i}`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const rows = await env.DB.prepare('select seq from messages where conversation_id = ? order by seq')
      .bind(id)
      .all<{ seq: number }>();
    expect(rows.results.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const conv = await env.DB.prepare('select last_seq from conversations where id = ?')
      .bind(id)
      .first<{ last_seq: number }>();
    expect(conv?.last_seq).toBe(50);
  });

  it('stores one message when the same clientId is sent 10 times in parallel', async () => {
    const { alice, id } = await friendsChat();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => postMessage(alice, id, 'retry', 'dup')),
    );
    const bodies = (await Promise.all(results.map((r) => r.json()))) as Message[];
    expect(new Set(bodies.map((m) => m.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    const row = await env.DB.prepare('select count(*) as n from messages where conversation_id = ?')
      .bind(id)
      .first<{ n: number }>();
    expect(row?.n).toBe(1);
  });

  it('answers 404 to a non-member', async () => {
    const { id } = await friendsChat();
    const outsider = await signUp('out');
    await expectError(await postMessage(outsider, id, 'let me in'), 404, 'not_found');
  });

  it('needs a token', async () => {
    await expectError(
      await call('/v1/conversations/x/messages', { body: { clientId: 'a', text: 'b' } }),
      401,
      'unauthorized',
    );
  });
});

describe('GET /v1/conversations/:id/messages', () => {
  it('gives the newest page in ascending seq, then older pages with before, newer with after', async () => {
    const { alice, id } = await friendsChat();
    for (let i = 1; i <= 5; i++) await send(alice, id, `m${i}`);
    const newest = await alice.api(`/v1/conversations/${id}/messages?limit=2`);
    expect(await newest.json()).toMatchObject({ messages: [{ seq: 4 }, { seq: 5 }], hasMore: true });
    const older = await alice.api(`/v1/conversations/${id}/messages?limit=2&before=4`);
    expect(await older.json()).toMatchObject({ messages: [{ seq: 2 }, { seq: 3 }], hasMore: true });
    const oldest = await alice.api(`/v1/conversations/${id}/messages?limit=2&before=2`);
    expect(await oldest.json()).toMatchObject({ messages: [{ seq: 1 }], hasMore: false });
    const after = await alice.api(`/v1/conversations/${id}/messages?after=3`);
    expect(await after.json()).toMatchObject({ messages: [{ seq: 4 }, { seq: 5 }], hasMore: false });
  });

  it('lets a request’s recipient read it before accepting', async () => {
    const [stranger, rita] = [await signUp('str'), await signUp('rita')];
    await setPolicy(rita, 'everyone');
    const { conversation } = await dm(stranger, rita, 'knock knock');
    expect((await messagesOf(rita, conversation.id)).map((m) => m.text)).toEqual(['knock knock']);
  });

  it('rejects before and after together, and a bad limit, with 400', async () => {
    const { alice, id } = await friendsChat();
    await expectError(
      await alice.api(`/v1/conversations/${id}/messages?before=3&after=1`),
      400,
      'invalid_request',
    );
    await expectError(await alice.api(`/v1/conversations/${id}/messages?limit=0`), 400, 'invalid_request');
  });

  it('answers 404 to a non-member', async () => {
    const { id } = await friendsChat();
    const outsider = await signUp('out');
    await expectError(await outsider.api(`/v1/conversations/${id}/messages`), 404, 'not_found');
  });

  it('needs a token', async () => {
    await expectError(await call('/v1/conversations/x/messages'), 401, 'unauthorized');
  });
});
