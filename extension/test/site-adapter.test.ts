import { afterEach, describe, expect, it } from 'vitest';
import {
  findProfileTarget,
  findShareTargets,
  isSiteHost,
  looksLikeSite,
  pageOf,
} from '../src/site/site-adapter.ts';

/** A `Location`-like object for a URL, so tests do not have to navigate the test window. */
function at(href: string): Location {
  return new URL(href) as unknown as Location;
}

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('pageOf', () => {
  it('reads a video page of the real site, lower-casing the handle and dropping the query', () => {
    expect(pageOf('https://www.tiktok.com/@Some.One/video/7212345678901234567?is_from_webapp=1')).toEqual({
      kind: 'video',
      handle: 'some.one',
      videoId: '7212345678901234567',
      url: 'https://www.tiktok.com/@some.one/video/7212345678901234567',
    });
  });

  it('reads a profile page, with or without a trailing slash', () => {
    expect(pageOf('https://m.tiktok.com/@bob_1/')).toEqual({ kind: 'profile', handle: 'bob_1' });
    expect(pageOf('http://127.0.0.1:8794/@alice?lang=en')).toEqual({ kind: 'profile', handle: 'alice' });
  });

  it('keeps the fixture site origin, port included', () => {
    const result = pageOf('http://127.0.0.1:8794/@alice/video/7300000000000000001');
    expect(result).toMatchObject({
      kind: 'video',
      url: 'http://127.0.0.1:8794/@alice/video/7300000000000000001',
    });
  });

  it.each([
    'https://www.tiktok.com/',
    'https://www.tiktok.com/foryou',
    'https://www.tiktok.com/@bob/live',
    'https://www.tiktok.com/@bob/video/abc',
    'https://www.tiktok.com/video/7212345678901234567',
    'https://evil.example/@bob/video/7212345678901234567',
    'https://www.tiktok.com.evil.example/@bob',
    'not a url',
  ])('treats %s as another page', (href) => {
    expect(pageOf(href)).toEqual({ kind: 'other' });
  });
});

describe('isSiteHost', () => {
  it('knows the real hosts and loopback, nothing else', () => {
    expect(isSiteHost('www.tiktok.com')).toBe(true);
    expect(isSiteHost('M.TIKTOK.COM')).toBe(true);
    expect(isSiteHost('127.0.0.1')).toBe(true);
    expect(isSiteHost('tiktok.com.example')).toBe(false);
    expect(isSiteHost('example.com')).toBe(false);
  });
});

describe('findShareTargets', () => {
  const feed = 'https://www.tiktok.com/foryou';

  it('finds each feed item share control by data-e2e, placed after its button, with that item video', () => {
    const doc = page(`
      <article data-e2e="recommend-list-item-container">
        <a href="/@alice/video/7300000000000000001">video</a>
        <button id="s1"><span data-e2e="share-icon"></span></button>
      </article>
      <article data-e2e="recommend-list-item-container">
        <a href="/@bob/video/7300000000000000002">video</a>
        <button id="s2"><span data-e2e="share-icon"></span></button>
      </article>`);
    const targets = findShareTargets(doc, at(feed));
    expect(targets.map((t) => [t.anchor.id, t.videoUrl])).toEqual([
      ['s1', 'https://www.tiktok.com/@alice/video/7300000000000000001'],
      ['s2', 'https://www.tiktok.com/@bob/video/7300000000000000002'],
    ]);
  });

  it('falls back to an aria-labelled share button and the author link plus the player id', () => {
    const doc = page(`
      <div class="item">
        <div id="xgwrapper-0-7300000000000000003"></div>
        <a href="/@carol">carol</a>
        <button id="share" aria-label="Share video 12 shares"></button>
      </div>`);
    const [target] = findShareTargets(doc, at(feed));
    expect(target?.anchor.id).toBe('share');
    expect(target?.videoUrl).toBe('https://www.tiktok.com/@carol/video/7300000000000000003');
  });

  it('finds a container without data-e2e by walking up to an ancestor that links to the video', () => {
    const doc = page(`
      <section><div><a href="https://www.tiktok.com/@dan/video/7300000000000000004">open</a></div>
        <div><div><button id="share" aria-label="Share"></button></div></div></section>`);
    expect(findShareTargets(doc, at(feed))).toEqual([
      {
        anchor: doc.getElementById('share'),
        videoUrl: 'https://www.tiktok.com/@dan/video/7300000000000000004',
      },
    ]);
  });

  it('on a video page, shares the page video even when related videos are linked nearby', () => {
    const doc = page(`
      <div data-e2e="browse-video">
        <button id="main"><span data-e2e="share-icon"></span></button>
        <a href="/@zed/video/7399999999999999999">related</a>
      </div>`);
    const [target] = findShareTargets(doc, at('https://www.tiktok.com/@Alice/video/7300000000000000001'));
    expect(target).toEqual({
      anchor: doc.getElementById('main'),
      videoUrl: 'https://www.tiktok.com/@alice/video/7300000000000000001',
    });
  });

  it('skips a share control whose video cannot be known', () => {
    const doc = page('<div><button aria-label="Share profile"></button></div>');
    expect(findShareTargets(doc, at(feed))).toEqual([]);
  });

  it('ignores links to other sites', () => {
    const doc = page(`<article><a href="https://evil.example/@x/video/7300000000000000005">x</a>
      <button><span data-e2e="share-icon"></span></button></article>`);
    expect(findShareTargets(doc, at(feed))).toEqual([]);
  });
});

describe('findProfileTarget', () => {
  const profile = 'https://www.tiktok.com/@bob';

  it('places the button after the follow button of the profile header', () => {
    const doc = page(`
      <div class="header"><div class="names"><h1 data-e2e="user-title">bob</h1></div>
        <div class="buttons"><button data-e2e="follow-button" id="follow">Follow</button></div></div>`);
    expect(findProfileTarget(doc, at(profile))).toEqual({
      anchor: doc.getElementById('follow'),
      handle: 'bob',
    });
  });

  it('falls back to the title when there is no follow button', () => {
    const doc = page('<div><h1 data-e2e="user-title" id="title">bob</h1></div>');
    expect(findProfileTarget(doc, at(profile))?.anchor.id).toBe('title');
  });

  it('accepts a bare h1 only when it shows the handle of the URL', () => {
    expect(findProfileTarget(page('<main><h1 id="h">@bob</h1></main>'), at(profile))?.handle).toBe('bob');
    expect(findProfileTarget(page('<main><h1>Trending now</h1></main>'), at(profile))).toBeNull();
  });

  it('is null away from profile pages', () => {
    const doc = page('<h1 data-e2e="user-title">bob</h1>');
    expect(findProfileTarget(doc, at('https://www.tiktok.com/foryou'))).toBeNull();
  });
});

describe('no markup, no-op', () => {
  it('finds nothing and throws nothing on an empty or unrelated page', () => {
    for (const html of ['', '<p>Hello</p>', '<a href="/@">x</a><button aria-label="Shared"></button>']) {
      const doc = page(html);
      for (const href of [
        'https://www.tiktok.com/foryou',
        'https://www.tiktok.com/@bob',
        'https://www.tiktok.com/@bob/video/1234567',
      ]) {
        expect(() => findShareTargets(doc, at(href))).not.toThrow();
        expect(findProfileTarget(doc, at(href))).toBeNull();
        expect(looksLikeSite(doc, at(href))).toBe(false);
      }
    }
  });

  it('never claims a page of another host, whatever its markup', () => {
    const doc = page(`<article data-e2e="recommend-list-item-container">
      <a href="/@alice/video/7300000000000000001">v</a><button><span data-e2e="share-icon"></span></button></article>`);
    expect(looksLikeSite(doc, at('https://example.com/@alice'))).toBe(false);
    expect(looksLikeSite(doc, at('https://www.tiktok.com/foryou'))).toBe(true);
  });
});
