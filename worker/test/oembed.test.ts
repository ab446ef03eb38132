import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enrichVideo } from '../src/features/videos/oembed.ts';
import { getVideoCache } from '../src/features/videos/queries.ts';

const db = drizzle(env.DB);
let n = 0;
/** A number no other test in this file has used, so each test has its own cache rows. */
function unique(): number {
  n += 1;
  return n;
}
const videoUrl = () => `https://www.tiktok.com/@scout2015/video/${6718335390845095173n + BigInt(unique())}`;

function oembedReply(body: Record<string, unknown>, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const SAMPLE = {
  title: 'Scramble up ur name & I’ll try to guess it😍❤️',
  author_name: 'Scout & Suki',
  author_unique_id: 'scout2015',
  author_url: 'https://www.tiktok.com/@scout2015',
  thumbnail_url: 'https://p16-sign-va.tiktokcdn.com/obj/thumb.jpeg',
};

/** Replaces the global fetch for one test; the calls made are in `.mock.calls`. */
function mockFetch(handler: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  return vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) =>
      handler(String(input instanceof Request ? input.url : input), init),
    );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('enrichVideo', () => {
  it('stores title, https thumbnail and author from the oEmbed endpoint', async () => {
    const url = videoUrl();
    const fetchSpy = mockFetch(() => oembedReply(SAMPLE));
    await enrichVideo(env, db, url);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const requested = new URL(String(fetchSpy.mock.calls[0]?.[0]));
    expect(`${requested.origin}${requested.pathname}`).toBe(env.OEMBED_URL);
    expect(requested.searchParams.get('url')).toBe(url);
    expect(fetchSpy.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
    expect(await getVideoCache(db, url)).toMatchObject({
      url,
      title: SAMPLE.title,
      thumbnailUrl: SAMPLE.thumbnail_url,
      authorHandle: 'scout2015',
      resolvedUrl: null,
    });
  });

  it('serves a second call from the cache without fetching', async () => {
    const url = videoUrl();
    const fetchSpy = mockFetch(() => oembedReply(SAMPLE));
    await enrichVideo(env, db, url);
    await enrichVideo(env, db, url);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('drops a thumbnail that is not https', async () => {
    const url = videoUrl();
    mockFetch(() => oembedReply({ ...SAMPLE, thumbnail_url: 'http://tracker.example/pixel.gif' }));
    await enrichVideo(env, db, url);
    expect((await getVideoCache(db, url))?.thumbnailUrl).toBeNull();
    const other = videoUrl();
    mockFetch(() => oembedReply({ ...SAMPLE, thumbnail_url: 'javascript:alert(1)' }));
    await enrichVideo(env, db, other);
    expect((await getVideoCache(db, other))?.thumbnailUrl).toBeNull();
  });

  it('never throws when the site is down, and remembers the failure so it is not retried at once', async () => {
    const url = videoUrl();
    const fetchSpy = mockFetch(() => {
      throw new TypeError('network down');
    });
    await expect(enrichVideo(env, db, url)).resolves.toBeUndefined();
    expect(await getVideoCache(db, url)).toMatchObject({
      title: null,
      thumbnailUrl: null,
      authorHandle: 'scout2015',
    });
    await enrichVideo(env, db, url);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    // An hour later it tries again.
    await enrichVideo(env, db, url, Date.now() + 2 * 3_600_000);
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('treats an error status or a body that is not oEmbed JSON as no details', async () => {
    const url = videoUrl();
    mockFetch(() => new Response('<html>blocked</html>', { status: 200 }));
    await enrichVideo(env, db, url);
    expect((await getVideoCache(db, url))?.title).toBeNull();
    const other = videoUrl();
    mockFetch(() => oembedReply({ error: 'nope' }, 404));
    await enrichVideo(env, db, other);
    expect((await getVideoCache(db, other))?.title).toBeNull();
  });

  it('gives up on a hanging endpoint after the 3 s timeout', async () => {
    const url = videoUrl();
    mockFetch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const started = Date.now();
    await enrichVideo(env, db, url);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(2900);
    expect(took).toBeLessThan(6000);
    expect(await getVideoCache(db, url)).toMatchObject({ title: null });
  }, 10_000);

  it('resolves a short link with a manual redirect and looks up the long form', async () => {
    const short = `https://vm.tiktok.com/ZMshort${unique()}/`;
    const long = 'https://www.tiktok.com/@scout2015/video/6718335390845095173';
    const fetchSpy = mockFetch((requested, init) => {
      if (requested === short) {
        expect(init?.redirect).toBe('manual');
        return new Response(null, { status: 301, headers: { location: `${long}?_r=1&_t=tracking` } });
      }
      return oembedReply(SAMPLE);
    });
    await enrichVideo(env, db, short);
    expect(fetchSpy).toHaveBeenCalledTimes(2);
    expect(new URL(String(fetchSpy.mock.calls[1]?.[0])).searchParams.get('url')).toBe(long);
    expect(await getVideoCache(db, short)).toMatchObject({
      url: short,
      resolvedUrl: long,
      title: SAMPLE.title,
    });
  });

  it('does not follow a short link that redirects off the video site', async () => {
    const short = `https://vm.tiktok.com/ZMevil${unique()}/`;
    const fetchSpy = mockFetch((requested) => {
      if (requested === short) {
        return new Response(null, { status: 302, headers: { location: 'https://evil.example/@a/video/1' } });
      }
      return oembedReply(SAMPLE);
    });
    await enrichVideo(env, db, short);
    expect(fetchSpy.mock.calls.map((call) => String(call[0]))).not.toContain(
      'https://evil.example/@a/video/1',
    );
    expect((await getVideoCache(db, short))?.resolvedUrl).toBeNull();
  });

  it('does nothing for a URL that is not a video URL', async () => {
    const fetchSpy = mockFetch(() => oembedReply(SAMPLE));
    await enrichVideo(env, db, 'https://evil.example/@a/video/1');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await getVideoCache(db, 'https://evil.example/@a/video/1')).toBeUndefined();
  });
});
