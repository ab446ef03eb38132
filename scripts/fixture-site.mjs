/**
 * The fixture video site for `npm start`: its pages (so the content script has somewhere to run offline),
 * an oEmbed endpoint and a poster per video, so the demo's video cards have titles and thumbnails without
 * reaching the real site. A copy of the small part of `extension/e2e/harness/fixture-server.ts` that a
 * demo needs; the e2e harness keeps its own (it is typed and owned by the suite).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';

const SITE_DIR = join(import.meta.dirname, '..', 'extension', 'e2e', 'site');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The fixture site's videos: the ids its pages show, with the titles its oEmbed answers. */
export const DEMO_VIDEOS = {
  '7300000000000000001': { author: 'alice', title: 'Sunset over the harbour #golden' },
  '7300000000000000002': { author: 'bob', title: 'Three-ingredient pancakes, no mixer needed' },
  '7300000000000000003': { author: 'carol', title: 'Tiny desk, big sound — live take' },
  '7300000000000000004': { author: 'alice', title: 'Skate park at dawn, one take' },
};

function poster(id) {
  const hue = Number(id.slice(-3)) * 67;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="270" height="480" viewBox="0 0 270 480">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue % 360} 85% 62%)"/>
<stop offset="1" stop-color="hsl(${(hue + 50) % 360} 80% 45%)"/></linearGradient></defs>
<rect width="270" height="480" fill="url(#g)"/><text x="135" y="255" font-size="64" text-anchor="middle" fill="#fff">▶</text></svg>`;
}

/** The oEmbed answer for a video URL, shaped like the real site's. */
function oembed(origin, videoUrl) {
  const match = videoUrl ? /\/@([\w.]+)\/video\/(\d+)/.exec(videoUrl) : null;
  if (!match) return null;
  const [, author, id] = match;
  return {
    version: '1.0',
    type: 'video',
    title: DEMO_VIDEOS[id]?.title ?? 'A video',
    author_name: author,
    author_unique_id: author,
    author_url: `${origin}/@${author}`,
    thumbnail_url: `${origin}/thumbs/${id}.svg`,
    thumbnail_width: 270,
    thumbnail_height: 480,
    provider_name: 'ClipSite',
  };
}

/** Serves the fixture site on 127.0.0.1:`port`; resolves with its origin and a `close()`. */
export async function startFixtureSite(port) {
  const origin = `http://127.0.0.1:${port}`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    try {
      if (url.pathname === '/oembed') {
        const body = oembed(origin, url.searchParams.get('url'));
        res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body ?? { code: 404, message: 'not found' }));
        return;
      }
      const thumb = /^\/thumbs\/(\d+)\.svg$/.exec(url.pathname);
      if (thumb) {
        res.writeHead(200, { 'content-type': 'image/svg+xml' });
        res.end(poster(thumb[1]));
        return;
      }
      const file = /^\/[\w-]+\.(js|css)$/.test(url.pathname) ? url.pathname : '/index.html';
      const body = await readFile(join(SITE_DIR, file));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
