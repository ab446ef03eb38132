import { DEFAULT_VIDEO_HOSTS, parseVideoUrl, type VideoAttachment } from '@clipdm/shared';
import { browser } from 'wxt/browser';

/** The video site's hosts, loopback for the local test site, and any a build adds (`WXT_VIDEO_HOSTS`). */
const HOSTS = [
  ...DEFAULT_VIDEO_HOSTS,
  '127.0.0.1',
  'localhost',
  ...(import.meta.env.WXT_VIDEO_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean),
];

/** True only for links to a video on the video site: nothing else in a message is ever opened. */
export function isVideoSiteUrl(value: string): boolean {
  return parseVideoUrl(value, HOSTS) !== null;
}

/** The video a message's whole text links to (a pasted link), as a card without title until it is sent as one. */
export function videoFromText(text: string): VideoAttachment | null {
  const parsed = parseVideoUrl(text.trim(), HOSTS);
  if (!parsed) return null;
  return {
    url: parsed.url,
    videoId: parsed.videoId,
    authorHandle: parsed.authorHandle,
    title: null,
    thumbnailUrl: null,
  };
}

/** Opens a video in the tab the user is looking at (the panel sits beside it). */
export async function openVideoInCurrentTab(url: string): Promise<void> {
  if (!isVideoSiteUrl(url)) return;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined && !tab.url?.startsWith(browser.runtime.getURL('/'))) {
    await browser.tabs.update(tab.id, { url });
  } else {
    await browser.tabs.create({ url });
  }
}
