import { isLoopbackHost, parseVideoHosts, parseVideoUrl } from '@clipdm/shared';
import { z } from 'zod';
import type { Db, Env } from '../../env.ts';
import { describeError, logEvent } from '../../lib/log.ts';
import { getVideoCache, saveVideoDetails, type VideoCacheRow, type VideoDetails } from './queries.ts';

const FETCH_TIMEOUT_MS = 3000;
const MAX_REDIRECTS = 3;
const MAX_BODY_CHARS = 64 * 1024;
const MAX_TITLE_CHARS = 300;
// A lookup that found details is good for a week; a failed one is retried after an hour.
const FRESH_MS = 7 * 86_400_000;
const RETRY_MS = 3_600_000;

const oembedResponse = z.object({
  title: z.string().optional(),
  author_unique_id: z.string().optional(),
  author_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
});

const HANDLE = /^[A-Za-z0-9._]{1,64}$/;

function isFresh(row: VideoCacheRow | undefined, now: number): boolean {
  if (!row) return false;
  const age = now - Date.parse(row.fetchedAt);
  return age < (row.title !== null ? FRESH_MS : RETRY_MS);
}

/** Only https images (or the fixture site's loopback http) are kept, so a client never loads mixed content. */
function safeImageUrl(value: string | undefined): string | null {
  if (!value || value.length > 2048) return null;
  try {
    const url = new URL(value);
    if (url.username || url.password) return null;
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)))
      return url.href;
  } catch {
    // not a URL: dropped
  }
  return null;
}

function authorFrom(body: z.infer<typeof oembedResponse>): string | null {
  if (body.author_unique_id && HANDLE.test(body.author_unique_id)) return body.author_unique_id.toLowerCase();
  const fromUrl = /\/@([A-Za-z0-9._]{1,64})\/?$/.exec(body.author_url ?? '');
  return fromUrl?.[1]?.toLowerCase() ?? null;
}

/** Follows a short link's redirects by hand (never automatically) until it lands on a long-form video URL. */
export async function resolveShortLink(url: string, hosts: string[]): Promise<string | null> {
  let current = url;
  for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
    const res = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const location = res.headers.get('location');
    await res.body?.cancel();
    if (res.status < 300 || res.status >= 400 || !location) return null;
    // Every hop must stay on the video site, so a short link cannot send the worker anywhere else.
    const next = parseVideoUrl(new URL(location, current).href, hosts);
    if (!next) return null;
    if (!next.short) return next.url;
    current = next.url;
  }
  return null;
}

/** The title, thumbnail and author the site's oEmbed endpoint gives for `videoUrl`, or `null`. */
export async function fetchOEmbed(
  endpoint: string,
  videoUrl: string,
): Promise<Omit<VideoDetails, 'resolvedUrl'> | null> {
  const request = new URL(endpoint);
  request.searchParams.set('url', videoUrl);
  const res = await fetch(request, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  const text = await res.text();
  if (text.length > MAX_BODY_CHARS) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = oembedResponse.safeParse(json);
  if (!parsed.success) return null;
  const title = parsed.data.title?.trim().slice(0, MAX_TITLE_CHARS) || null;
  return {
    title,
    thumbnailUrl: safeImageUrl(parsed.data.thumbnail_url),
    authorHandle: authorFrom(parsed.data),
  };
}

/**
 * Looks up a shared video's title, thumbnail and author and caches them per URL in `video_cache`. Meant to
 * run in `waitUntil` after the message is stored: it never throws, each fetch gives up after 3 s, and a
 * short link is resolved first (its long form is stored as `resolvedUrl`). Pass the URL as stored.
 */
export async function enrichVideo(env: Env, db: Db, url: string, now = Date.now()): Promise<void> {
  try {
    const hosts = parseVideoHosts(env.VIDEO_HOSTS);
    const parsed = parseVideoUrl(url, hosts);
    if (!parsed) return;
    const cached = await getVideoCache(db, parsed.url);
    if (isFresh(cached, now)) return;
    let resolvedUrl = cached?.resolvedUrl ?? null;
    if (parsed.short && !resolvedUrl) {
      resolvedUrl = await resolveShortLink(parsed.url, hosts).catch(() => null);
    }
    const details = await fetchOEmbed(env.OEMBED_URL, resolvedUrl ?? parsed.url).catch((error: unknown) => {
      logEvent('warn', { msg: 'oEmbed lookup failed', url: parsed.url, error: String(error) });
      return null;
    });
    await saveVideoDetails(
      db,
      parsed.url,
      {
        // A failed refresh keeps what an earlier lookup found.
        title: details?.title ?? cached?.title ?? null,
        thumbnailUrl: details?.thumbnailUrl ?? cached?.thumbnailUrl ?? null,
        authorHandle: details?.authorHandle ?? cached?.authorHandle ?? parsed.authorHandle,
        resolvedUrl,
      },
      new Date(now),
    );
  } catch (error) {
    logEvent('warn', { msg: 'video enrichment failed', url, error: describeError(error) });
  }
}
