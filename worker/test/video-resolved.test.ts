import { env } from 'cloudflare:test';
import type { Message } from '@clipdm/shared';
import { drizzle } from 'drizzle-orm/d1';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enrichVideo } from '../src/features/videos/oembed.ts';
import { messagesOf, openDirect } from './chat-helpers.ts';
import { befriend, signUp } from './helpers.ts';

/** A short link's message shows the video id and author of the long form its lookup resolved it to. */

const db = drizzle(env.DB);
const LONG = 'https://www.tiktok.com/@scout2015/video/6718335390845095173';
let n = 0;

// Sends start their own lookup in `waitUntil`, which may outlive a test: the stub stays for the whole file.
const redirects = new Map<string, string>();
const fetchSpy = vi.spyOn(globalThis, 'fetch');
beforeEach(() => {
  fetchSpy.mockImplementation(async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    const location = redirects.get(url);
    if (location) return new Response(null, { status: 301, headers: { location } });
    // An oEmbed answer without any author, so the author can only come from the resolved URL.
    return new Response(JSON.stringify({ title: 'A clip' }), {
      headers: { 'content-type': 'application/json' },
    });
  });
});
afterAll(() => fetchSpy.mockRestore());

async function shareShortLink(location: string) {
  n += 1;
  const short = `https://vm.tiktok.com/ZMres${n}x/`;
  redirects.set(short, location);
  const alice = await signUp('alice');
  const bob = await signUp('bob');
  await befriend(alice, bob);
  const conversation = await openDirect(alice, bob);
  const res = await alice.api(`/v1/conversations/${conversation.id}/messages`, {
    body: { clientId: `short-${n}`, video: { url: short } },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const sent = (await res.json()) as Message;
  await enrichVideo(env, db, short);
  const [seen] = await messagesOf(bob, conversation.id);
  return { short, sent, seen };
}

describe('Message.video of a short link', () => {
  it('has no id before the lookup, then the id and author of the long form it resolved to', async () => {
    const { short, sent, seen } = await shareShortLink(`${LONG}?_r=1`);
    expect(sent.video).toMatchObject({ url: short, videoId: null, authorHandle: null });
    expect(seen?.video).toEqual({
      url: short,
      videoId: '6718335390845095173',
      authorHandle: 'scout2015',
      title: 'A clip',
      thumbnailUrl: null,
    });
  });

  it('stays without an id when the link led off the video site', async () => {
    const { short, seen } = await shareShortLink('https://evil.example/@mallory/video/1');
    expect(seen?.video).toMatchObject({ url: short, videoId: null, authorHandle: null, title: 'A clip' });
  });
});
