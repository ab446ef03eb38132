import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';

const SITE_DIR = join(import.meta.dirname, '..', 'site');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A poster image per video id, so shared-video cards have a thumbnail to show. */
function thumbnail(id: string): string {
  const hue = Number(id.slice(-3)) * 67;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="270" height="480" viewBox="0 0 270 480">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue % 360} 85% 62%)"/>
<stop offset="1" stop-color="hsl(${(hue + 50) % 360} 80% 45%)"/></linearGradient></defs>
<rect width="270" height="480" fill="url(#g)"/><text x="135" y="255" font-size="64" text-anchor="middle" fill="#fff">▶</text></svg>`;
}

const TITLES: Record<string, string> = {
  '7300000000000000001': 'Sunset over the harbour #golden',
  '7300000000000000002': 'Three-ingredient pancakes, no mixer needed',
  '7300000000000000003': 'Tiny desk, big sound — live take',
  '7300000000000000004': 'Skate park at dawn, one take',
};

/** The site's oEmbed answer for a video URL, shaped like the real one, so the worker can title cards. */
function oembed(origin: string, videoUrl: string | null): object | null {
  const match = videoUrl ? /\/@([\w.]+)\/video\/(\d+)/.exec(videoUrl) : null;
  if (!match) return null;
  const [, author, id] = match as unknown as [string, string, string];
  return {
    version: '1.0',
    type: 'video',
    title: TITLES[id] ?? 'A video',
    author_name: author,
    author_unique_id: author,
    author_url: `${origin}/@${author}`,
    thumbnail_url: `${origin}/thumbs/${id}.svg`,
    thumbnail_width: 270,
    thumbnail_height: 480,
    provider_name: 'ClipSite',
  };
}

/** Serves the fixture video site on 127.0.0.1: its files, an SPA fallback to index.html, oEmbed, posters. */
export async function startFixtureSite(
  port: number,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const origin = `http://127.0.0.1:${port}`;
  const server: Server = createServer(async (req, res) => {
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
        res.end(thumbnail(thumb[1] as string));
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
