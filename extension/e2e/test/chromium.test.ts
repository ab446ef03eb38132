import { describe, expect, it } from 'vitest';
import { type SearchHost, searchChromium } from '../harness/chromium.ts';

/** A host where only `present` exists; `looked` records every path the search tried, in order. */
function host(platform: NodeJS.Platform, env: SearchHost['env'], present: string[]) {
  const looked: string[] = [];
  const search: SearchHost = {
    platform,
    env,
    exists: (path) => {
      looked.push(path);
      return present.includes(path);
    },
  };
  return { search, looked };
}

const EVERY_LINUX_BROWSER = [
  '/usr/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/chromium-browser',
  '/usr/bin/microsoft-edge',
  '/home/me/bin/chromium',
];

describe('searchChromium', () => {
  it('takes CHROMIUM_PATH before anything else', () => {
    const { search, looked } = host('linux', { CHROMIUM_PATH: '/opt/my/chrome', PATH: '/home/me/bin' }, [
      ...EVERY_LINUX_BROWSER,
      '/opt/my/chrome',
    ]);
    expect(searchChromium(search)).toEqual({ kind: 'found', path: '/opt/my/chrome' });
    expect(looked).toEqual(['/opt/my/chrome']);
  });

  it('reports a CHROMIUM_PATH that does not exist instead of quietly using another browser', () => {
    const { search } = host('linux', { CHROMIUM_PATH: '/nonexistent' }, EVERY_LINUX_BROWSER);
    expect(searchChromium(search)).toEqual({ kind: 'bad-override', path: '/nonexistent' });
  });

  it("prefers Debian's /usr/bin/chromium, then Chrome, then Chromium, then Edge, then PATH", () => {
    const order: string[] = [];
    let present = [...EVERY_LINUX_BROWSER];
    for (;;) {
      const { search } = host('linux', { PATH: '/home/me/bin' }, present);
      const result = searchChromium(search);
      if (result.kind !== 'found') break;
      order.push(result.path);
      present = present.filter((path) => path !== result.path);
    }
    expect(order).toEqual(EVERY_LINUX_BROWSER);
  });

  it('finds Chrome, Chromium and Edge in their macOS app bundles, Chrome first', () => {
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    const chrome = '/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    const { search } = host('darwin', { HOME: '/Users/me' }, [edge, chromium, chrome]);
    expect(searchChromium(search)).toEqual({ kind: 'found', path: chrome });
    expect(searchChromium(host('darwin', { HOME: '/Users/me' }, [edge, chromium]).search)).toEqual({
      kind: 'found',
      path: chromium,
    });
  });

  it('finds Chrome under Program Files on Windows, and Edge when Chrome is absent', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' };
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(searchChromium(host('win32', env, [edge, chrome]).search)).toEqual({
      kind: 'found',
      path: chrome,
    });
    expect(searchChromium(host('win32', env, [edge]).search)).toEqual({ kind: 'found', path: edge });
  });

  it('answers none when nothing is anywhere, after looking at every usual place and PATH', () => {
    const { search, looked } = host('linux', { PATH: '/usr/local/bin:/home/me/bin' }, []);
    expect(searchChromium(search)).toEqual({ kind: 'none' });
    expect(looked[0]).toBe('/usr/bin/chromium');
    expect(looked).toContain('/opt/google/chrome/chrome');
    expect(looked).toContain('/home/me/bin/google-chrome');
    expect(looked.at(-1)).toBe('/home/me/bin/microsoft-edge');
  });
});
