// The side panel's JavaScript budget: every script the panel page loads (entry and preloaded chunks),
// gzipped, must stay under 60 KB. Run after `wxt build`; exits non-zero above the budget.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 60 * 1024;
const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '.output', 'chrome-mv3');
const page = join(outDir, 'sidepanel.html');
if (!existsSync(page)) {
  console.error(`budget: ${page} not found; run wxt build first`);
  process.exit(1);
}

const html = readFileSync(page, 'utf8');
const scripts = new Set();
for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) scripts.add(src);
for (const [, href] of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) scripts.add(href);

// Follow static imports between chunks, so a chunk the entry imports is counted even without a preload tag.
const files = new Set();
const queue = [...scripts].map((src) => join(outDir, src.replace(/^\//, '')));
while (queue.length > 0) {
  const file = queue.pop();
  if (!file || files.has(file) || !existsSync(file)) continue;
  files.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    queue.push(spec.startsWith('/') ? join(outDir, spec) : resolve(dirname(file), spec));
  }
}

let total = 0;
for (const file of files) total += gzipSync(readFileSync(file)).length;
const kb = (total / 1024).toFixed(1);
console.log(`Side panel JavaScript: ${kb} KB gzipped (${files.size} files; budget 60 KB)`);
if (total > BUDGET_BYTES) {
  console.error('budget: the side panel JavaScript is over 60 KB gzipped');
  process.exit(1);
}
