/** Video URLs of the video site: which ones may be shared into a chat, and what they say about the video. */

export interface ParsedVideoUrl {
  /** The URL to store: long form rebuilt without query or fragment; short links as given, minus query. */
  url: string;
  /** The numeric video id of a long-form URL; `null` for a short link until it is resolved. */
  videoId: string | null;
  /** The author's handle from a long-form URL, lower-cased; `null` for a short link. */
  authorHandle: string | null;
  /** True for a short link (`vm.tiktok.com/<code>/`, `/t/<code>/`), which redirects to the long form. */
  short: boolean;
}

/** The video site's own hosts, used when `VIDEO_HOSTS` is not configured. */
export const DEFAULT_VIDEO_HOSTS = [
  'www.tiktok.com',
  'm.tiktok.com',
  'tiktok.com',
  'vm.tiktok.com',
  'vt.tiktok.com',
] as const;

/** Hosts whose whole path is a short-link code; on the other hosts only `/t/<code>` is a short link. */
export const SHORT_LINK_HOSTS = ['vm.tiktok.com', 'vt.tiktok.com'] as const;

export const MAX_VIDEO_URL_LENGTH = 512;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const URL_SHAPE = /^(https?):\/\/([A-Za-z0-9.-]+|\[::1\])(?::(\d{1,5}))?(\/[^?#]*)?(?:\?[^#]*)?(?:#.*)?$/i;
const LONG_FORM = /^\/@([A-Za-z0-9._]{1,64})\/video\/(\d{1,30})\/?$/;
const SHORT_CODE = /^\/([A-Za-z0-9]{5,24})\/?$/;
const T_SHORT_CODE = /^\/t\/([A-Za-z0-9]{5,24})\/?$/;
// Whitespace, controls and backslashes have no place in a shared link; URL parsing would quietly "fix" them.
const SUSPICIOUS = /[\s\p{Cc}\\]/u;

/** The hosts of a comma-separated `VIDEO_HOSTS` value, lower-cased; the defaults when it is empty. */
export function parseVideoHosts(csv: string | undefined): string[] {
  const hosts = (csv ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return hosts.length > 0 ? hosts : [...DEFAULT_VIDEO_HOSTS];
}

/** True when a host is a loopback address, where the local fixture site is served over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * Parses a URL someone wants to share as a video. Only `https` URLs whose host is exactly one of `hosts`
 * pass (plain `http` only on loopback hosts, for the local fixture site), in the long form
 * `/@handle/video/<digits>` or as a short link. Anything else — other schemes, lookalike hosts,
 * credentials in the URL, other paths, over 512 characters — gives `null`.
 */
export function parseVideoUrl(url: string, hosts: readonly string[]): ParsedVideoUrl | null {
  if (typeof url !== 'string') return null;
  const given = url.trim();
  if (given.length === 0 || given.length > MAX_VIDEO_URL_LENGTH || SUSPICIOUS.test(given)) return null;
  // Parsed by hand rather than with `URL`: only this narrow shape is valid, so there is nothing to normalise
  // (and `shared/` stays free of platform globals). A host is letters, digits, dots and dashes only, so
  // userinfo (`host@evil`), percent-encoding and lookalike tricks cannot form one.
  const parts = URL_SHAPE.exec(given);
  if (!parts) return null;
  const protocol = (parts[1] as string).toLowerCase();
  const hostname = (parts[2] as string).toLowerCase();
  const port = parts[3] ?? '';
  const pathname = parts[4] ?? '/';
  const host = port ? `${hostname}:${port}` : hostname;
  const loopback = isLoopbackHost(hostname);
  if (protocol !== 'https' && !(protocol === 'http' && loopback)) return null;
  // Only the fixture site runs on a port of its own; the real site is on the default port.
  if (port !== '' && !loopback) return null;
  const allowed = hosts.map((h) => h.trim().toLowerCase());
  if (!allowed.includes(hostname) && !allowed.includes(host)) return null;

  const origin = `${protocol}://${host}`;
  const long = LONG_FORM.exec(pathname);
  if (long) {
    const handle = (long[1] as string).toLowerCase();
    return {
      url: `${origin}/@${handle}/video/${long[2]}`,
      videoId: long[2] as string,
      authorHandle: handle,
      short: false,
    };
  }
  const shortHost = (SHORT_LINK_HOSTS as readonly string[]).includes(hostname);
  if ((shortHost && SHORT_CODE.test(pathname)) || T_SHORT_CODE.test(pathname)) {
    return { url: `${origin}${pathname}`, videoId: null, authorHandle: null, short: true };
  }
  return null;
}
