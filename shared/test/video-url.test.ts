import { describe, expect, it } from 'vitest';
import { DEFAULT_VIDEO_HOSTS, parseVideoHosts, parseVideoUrl } from '../src/video-url.ts';

const HOSTS = [...DEFAULT_VIDEO_HOSTS, '127.0.0.1'];

describe('parseVideoUrl accepts the video site’s video URLs', () => {
  it.each([
    [
      'https://www.tiktok.com/@scout2015/video/6718335390845095173',
      'https://www.tiktok.com/@scout2015/video/6718335390845095173',
      '6718335390845095173',
      'scout2015',
    ],
    [
      'https://m.tiktok.com/@a.b_c/video/7212345678901234567/',
      'https://m.tiktok.com/@a.b_c/video/7212345678901234567',
      '7212345678901234567',
      'a.b_c',
    ],
    [
      'https://tiktok.com/@Scout2015/video/1?is_from_webapp=1&sender_device=pc#comments',
      'https://tiktok.com/@scout2015/video/1',
      '1',
      'scout2015',
    ],
    ['  https://www.tiktok.com/@x_y/video/42  ', 'https://www.tiktok.com/@x_y/video/42', '42', 'x_y'],
    [
      'http://127.0.0.1:8790/@fixture/video/7000000000000000001',
      'http://127.0.0.1:8790/@fixture/video/7000000000000000001',
      '7000000000000000001',
      'fixture',
    ],
  ])('%s', (input, url, videoId, authorHandle) => {
    expect(parseVideoUrl(input, HOSTS)).toEqual({ url, videoId, authorHandle, short: false });
  });

  it.each([
    ['https://vm.tiktok.com/ZMeAbCdEf/', 'https://vm.tiktok.com/ZMeAbCdEf/'],
    ['https://vt.tiktok.com/ZSabc123/?k=1', 'https://vt.tiktok.com/ZSabc123/'],
    ['https://www.tiktok.com/t/ZT8abcdef/', 'https://www.tiktok.com/t/ZT8abcdef/'],
    ['http://127.0.0.1:8790/t/ZTfixture1', 'http://127.0.0.1:8790/t/ZTfixture1'],
  ])('short link %s is kept as given', (input, url) => {
    expect(parseVideoUrl(input, HOSTS)).toEqual({ url, videoId: null, authorHandle: null, short: true });
  });
});

describe('parseVideoUrl rejects everything else', () => {
  it.each([
    ['javascript scheme', 'javascript:alert(1)//https://www.tiktok.com/@a/video/1'],
    ['data scheme', 'data:text/html,<script>alert(1)</script>'],
    ['plain http on the real host', 'http://www.tiktok.com/@a/video/1'],
    ['lookalike suffix over http', 'http://www.tiktok.com.evil.example/@a/video/1'],
    ['lookalike suffix over https', 'https://www.tiktok.com.evil.example/@a/video/1'],
    ['host in the path', 'https://evil.com/www.tiktok.com/@a/video/1'],
    ['userinfo trick', 'https://www.tiktok.com@evil.example/@a/video/1'],
    ['credentials on the real host', 'https://user:pw@www.tiktok.com/@a/video/1'],
    ['other host', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['subdomain not listed', 'https://evil.tiktok.com/@a/video/1'],
    ['trailing-dot host', 'https://www.tiktok.com./@a/video/1'],
    ['non-default port on the real host', 'https://www.tiktok.com:8443/@a/video/1'],
    ['backslash trick', 'https://www.tiktok.com\\@evil.example/@a/video/1'],
    ['embedded newline', 'https://www.tiktok.com/@a/video/1\nhttps://evil.example'],
    ['profile page', 'https://www.tiktok.com/@scout2015'],
    ['photo post', 'https://www.tiktok.com/@scout2015/photo/7212345678901234567'],
    ['non-numeric id', 'https://www.tiktok.com/@a/video/12ab'],
    ['percent-encoded id', 'https://www.tiktok.com/@a/video/%31%32'],
    ['explore page is not a short link', 'https://www.tiktok.com/explore'],
    ['short code on a long-form host', 'https://www.tiktok.com/ZMeAbCdEf/'],
    ['localhost not in the hosts list', 'http://localhost:8790/@a/video/1'],
    ['not a URL', 'www.tiktok.com/@a/video/1'],
    ['empty', ''],
    ['over 512 characters', `https://www.tiktok.com/@a/video/1?pad=${'x'.repeat(480)}`],
  ])('%s', (_name, input) => {
    expect(parseVideoUrl(input, HOSTS)).toBeNull();
  });

  it('accepts exactly 512 characters and not one more', () => {
    const base = 'https://www.tiktok.com/@a/video/1?pad=';
    expect(parseVideoUrl(base + 'x'.repeat(512 - base.length), HOSTS)).not.toBeNull();
    expect(parseVideoUrl(base + 'x'.repeat(513 - base.length), HOSTS)).toBeNull();
  });

  it('honours the configured hosts only', () => {
    expect(parseVideoUrl('https://www.tiktok.com/@a/video/1', ['m.tiktok.com'])).toBeNull();
    expect(parseVideoUrl('http://127.0.0.1:9/@a/video/1', DEFAULT_VIDEO_HOSTS)).toBeNull();
  });
});

describe('parseVideoHosts', () => {
  it('splits, trims and lower-cases, and falls back to the defaults', () => {
    expect(parseVideoHosts(' WWW.tiktok.com , 127.0.0.1,')).toEqual(['www.tiktok.com', '127.0.0.1']);
    expect(parseVideoHosts('')).toEqual([...DEFAULT_VIDEO_HOSTS]);
    expect(parseVideoHosts(undefined)).toEqual([...DEFAULT_VIDEO_HOSTS]);
  });
});
