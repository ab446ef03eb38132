import type { Message } from '@clipdm/shared';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { messagesOf, openDirect } from './chat-helpers.ts';
import { befriend, expectError, signUp, type TestUser } from './helpers.ts';

async function chat() {
  const alice = await signUp('alice');
  const bob = await signUp('bob');
  await befriend(alice, bob);
  return { alice, bob, conversation: await openDirect(alice, bob) };
}

let sent = 0;
function shareVideo(user: TestUser, conversationId: string, url: string) {
  sent += 1;
  return user.api(`/v1/conversations/${conversationId}/messages`, {
    body: { clientId: `video-${sent}`, video: { url } },
  });
}

// The video site is never reached from tests: every send starts an enrichment in `waitUntil`, which may
// still be running when the next test begins, so the stub stays for the whole file.
const fetchSpy = vi.spyOn(globalThis, 'fetch');
beforeEach(() => {
  fetchSpy.mockImplementation(async () => new Response(null, { status: 404 }));
});
afterAll(() => {
  fetchSpy.mockRestore();
});

describe('POST /v1/conversations/:id/messages with a video', () => {
  it('accepts a long-form URL, normalised, with the video id and author parsed from it', async () => {
    const { alice, conversation } = await chat();
    const res = await shareVideo(
      alice,
      conversation.id,
      'https://www.tiktok.com/@Scout2015/video/6718335390845095173?is_from_webapp=1&sender_device=pc',
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const message = (await res.json()) as Message;
    expect(message.kind).toBe('video');
    expect(message.text).toBeNull();
    expect(message.video).toMatchObject({
      url: 'https://www.tiktok.com/@scout2015/video/6718335390845095173',
      videoId: '6718335390845095173',
      authorHandle: 'scout2015',
    });
  });

  it('accepts a short link as given', async () => {
    const { alice, conversation } = await chat();
    const res = await shareVideo(alice, conversation.id, 'https://vm.tiktok.com/ZMeAbCdEf/');
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as Message).video).toMatchObject({
      url: 'https://vm.tiktok.com/ZMeAbCdEf/',
      videoId: null,
    });
  });

  it('accepts the local fixture site over http on loopback', async () => {
    const { alice, conversation } = await chat();
    const res = await shareVideo(
      alice,
      conversation.id,
      'http://127.0.0.1:8790/@fixture/video/7000000000000000001',
    );
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['another host', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['an http lookalike', 'http://www.tiktok.com.evil.example/@a/video/1'],
    ['an https lookalike', 'https://www.tiktok.com.evil.example/@a/video/1'],
    ['the host in the path', 'https://evil.com/www.tiktok.com/@a/video/1'],
    ['userinfo', 'https://www.tiktok.com@evil.example/@a/video/1'],
    ['plain http on the real host', 'http://www.tiktok.com/@a/video/1'],
    ['a profile, not a video', 'https://www.tiktok.com/@scout2015'],
    ['an over-long URL', `https://www.tiktok.com/@a/video/1?x=${'a'.repeat(600)}`],
  ])('rejects %s with 400 and stores nothing', async (_name, url) => {
    const { alice, bob, conversation } = await chat();
    await expectError(await shareVideo(alice, conversation.id, url), 400, 'invalid_request');
    expect(await messagesOf(bob, conversation.id)).toEqual([]);
  });
});

describe('shared video enrichment after the send', () => {
  it('fills title and thumbnail from oEmbed without holding up the send', async () => {
    fetchSpy.mockImplementation(
      async () =>
        new Response(
          JSON.stringify({
            title: 'A cat learns to skate',
            author_unique_id: 'catskater',
            thumbnail_url: 'https://p16-sign.tiktokcdn-us.com/cat.jpeg',
          }),
          { headers: { 'content-type': 'application/json' } },
        ),
    );
    const { alice, bob, conversation } = await chat();
    const res = await shareVideo(
      alice,
      conversation.id,
      'https://www.tiktok.com/@catskater/video/7311111111111111111',
    );
    expect(res.status).toBe(201);
    let video: Message['video'] = null;
    for (let attempt = 0; attempt < 20 && !video?.title; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      video = (await messagesOf(bob, conversation.id))[0]?.video ?? null;
    }
    expect(fetchSpy).toHaveBeenCalled();
    expect(video).toMatchObject({
      title: 'A cat learns to skate',
      thumbnailUrl: 'https://p16-sign.tiktokcdn-us.com/cat.jpeg',
    });
  });
});
