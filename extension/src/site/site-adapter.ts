/**
 * Everything the extension knows about the video site's markup and URLs lives here, so a redesign of the
 * site means editing this one file. Each lookup tries the site's own `data-e2e` hooks first, then
 * structural fallbacks, and answers "nothing" (empty list / null) rather than throwing when the page is
 * not what we expect.
 */

/** Hosts of the real site where the content script runs; loopback hosts serve the local fixture site. */
export const SITE_HOSTS = ['www.tiktok.com', 'm.tiktok.com'] as const;
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

/** Handles on the site: letters, digits, `_` and `.`; `@` marks a profile path segment. */
const HANDLE = '[A-Za-z0-9._]{2,64}';
const VIDEO_PATH = new RegExp(`^/@(${HANDLE})/video/(\\d{5,30})/?$`);
const PROFILE_PATH = new RegExp(`^/@(${HANDLE})/?$`);
// A long numeric id inside an element id such as `xgwrapper-0-7212345678901234567` or `one-column-item-…`.
const ID_WITH_VIDEO_ID = /(?:^|\D)(\d{15,25})(?:\D|$)/;

export type Page =
  | { kind: 'video'; handle: string; videoId: string; url: string }
  | { kind: 'profile'; handle: string }
  | { kind: 'other' };

/** A share control of one video, and the canonical URL of that video. */
export interface ShareTarget {
  /** The element our "Send in DM" button goes right after. */
  anchor: Element;
  videoUrl: string;
}

/** Where the "Message" button of a profile page goes, and whose profile it is. */
export interface ProfileTarget {
  anchor: Element;
  handle: string;
}

const SHARE_CONTROL_SELECTORS = [
  '[data-e2e="share-icon"]',
  '[data-e2e="video-share-icon"]',
  '[data-e2e="browse-share-icon"]',
  'button[aria-label="Share" i]',
  'button[aria-label^="Share " i]',
];

const LIST_ITEM_SELECTORS = ['[data-e2e="recommend-list-item-container"]', '[data-e2e="user-post-item"]'];
const VIDEO_CONTAINER_SELECTORS = [...LIST_ITEM_SELECTORS, '[data-e2e="browse-video"]', 'article'];

const PROFILE_TITLE_SELECTORS = ['[data-e2e="user-title"]', '[data-e2e="user-page-title"]', 'main h1', 'h1'];
const PROFILE_ACTION_SELECTORS = ['[data-e2e="follow-button"]', '[data-e2e="edit-profile-entrance"]'];

/** True for a page of the video site (or the fixture site on a loopback host). */
export function isSiteHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (SITE_HOSTS as readonly string[]).includes(host) || LOOPBACK_HOSTS.includes(host);
}

/** What kind of page a URL is: a single video, a profile, or anything else (feed, search, settings…). */
export function pageOf(href: string): Page {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'other' };
  }
  if (!isSiteHost(url.hostname)) return { kind: 'other' };
  const video = VIDEO_PATH.exec(url.pathname);
  if (video) {
    const handle = (video[1] as string).toLowerCase();
    const videoId = video[2] as string;
    return { kind: 'video', handle, videoId, url: videoUrl(url.origin, handle, videoId) };
  }
  const profile = PROFILE_PATH.exec(url.pathname);
  if (profile) return { kind: 'profile', handle: (profile[1] as string).toLowerCase() };
  return { kind: 'other' };
}

/** The canonical URL of a video: the long form, no query or fragment (what the API stores). */
export function videoUrl(origin: string, handle: string, videoId: string): string {
  return `${origin}/@${handle.toLowerCase()}/video/${videoId}`;
}

/** What an `href` on the page points to, resolved against `base`; 'other' when it does not parse. */
function pageOfHref(href: string | null, base: string): Page {
  if (!href) return { kind: 'other' };
  try {
    return pageOf(new URL(href, base).href);
  } catch {
    return { kind: 'other' };
  }
}

function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** The element that holds one video: a known container, or the nearest ancestor with hints of one video. */
function videoContainerOf(control: Element): Element | null {
  for (const selector of VIDEO_CONTAINER_SELECTORS) {
    const container = control.closest(selector);
    if (container) return container;
  }
  let node = control.parentElement;
  for (let depth = 0; node && depth < 8; depth += 1, node = node.parentElement) {
    if (node.querySelector('a[href*="/video/"]')) return node;
    const idHolder = [...node.querySelectorAll('[id]')].some((el) => ID_WITH_VIDEO_ID.test(el.id));
    if (idHolder && node.querySelector('a[href^="/@"]')) return node;
  }
  return null;
}

/** The video a share control belongs to, from links, author + id hints, or the page itself. */
function videoUrlOfControl(control: Element, location: Location): string | null {
  const page = pageOf(location.href);
  // On a single-video page, a share control outside the lists of other videos shares the page's video.
  if (page.kind === 'video' && !control.closest(LIST_ITEM_SELECTORS.join(', '))) return page.url;
  const container = videoContainerOf(control);
  if (container) {
    const links = [...container.querySelectorAll('a[href]')].map((a) =>
      pageOfHref(a.getAttribute('href'), location.href),
    );
    const linked = links.find((p) => p.kind === 'video');
    if (linked?.kind === 'video') return linked.url;
    // No link to the video itself: the author's profile link plus a numeric id on the player element.
    const authorPage = links.find((p) => p.kind === 'profile');
    const idHolder = [container, ...container.querySelectorAll('[id]')].find((el) =>
      ID_WITH_VIDEO_ID.test(el.id),
    );
    const id = idHolder ? ID_WITH_VIDEO_ID.exec(idHolder.id)?.[1] : undefined;
    if (authorPage?.kind === 'profile' && id) return videoUrl(location.origin, authorPage.handle, id);
  }
  return null;
}

/** The element to put our button after: the clickable share control rather than the icon inside it. */
function placementOf(control: Element): Element {
  return control.closest('button, a, [role="button"]') ?? control;
}

/** Every share control on the page with the video it shares; controls whose video is unknown are skipped. */
export function findShareTargets(root: ParentNode, location: Location): ShareTarget[] {
  const seen = new Set<Element>();
  const targets: ShareTarget[] = [];
  for (const selector of SHARE_CONTROL_SELECTORS) {
    for (const control of root.querySelectorAll(selector)) {
      const anchor = placementOf(control);
      if (seen.has(anchor)) continue;
      seen.add(anchor);
      const url = videoUrlOfControl(control, location);
      if (url) targets.push({ anchor, videoUrl: url });
    }
  }
  return targets;
}

/** The profile header of a profile page, when the page shows the handle its URL names; else null. */
export function findProfileTarget(root: ParentNode, location: Location): ProfileTarget | null {
  const page = pageOf(location.href);
  if (page.kind !== 'profile') return null;
  const title = firstMatch(root, PROFILE_TITLE_SELECTORS);
  if (!title) return null;
  // Structural fallbacks (a bare h1) only count when they really show this profile's handle.
  const shown = (title.textContent ?? '').trim().replace(/^@/, '').toLowerCase();
  if (!title.matches('[data-e2e]') && shown !== page.handle) return null;
  const header = title.parentElement?.parentElement ?? title.parentElement ?? root;
  const action = firstMatch(header, PROFILE_ACTION_SELECTORS);
  return { anchor: action ? placementOf(action) : title, handle: page.handle };
}

/** True when the page carries markup we recognise, so the privacy chip has a reason to appear. */
export function looksLikeSite(root: ParentNode, location: Location): boolean {
  if (!isSiteHost(location.hostname)) return false;
  return findShareTargets(root, location).length > 0 || findProfileTarget(root, location) !== null;
}
