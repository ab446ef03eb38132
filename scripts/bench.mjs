/**
 * `npm run bench`: latency and throughput of the hot paths against a real local worker (workerd + local
 * D1 through `wrangler dev`), printed as figures. Local SQLite is not production D1: read the numbers
 * as relative (before/after a change), not as an SLA.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The end-to-end harness's starter: a fresh D1 and `wrangler dev` in a temp folder (Node 24 runs .ts as is).
import { startWorker } from '../extension/e2e/harness/worker.ts';

const PORT = Number(process.env.BENCH_PORT ?? 8795);
const SENDS = Number(process.env.BENCH_SENDS ?? 300);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100);

const tempDir = mkdtempSync(join(tmpdir(), 'clipdm-bench-'));
const worker = await startWorker({
  port: PORT,
  // No video site is served: shared-video titles are not part of what is measured.
  fixtureOrigin: 'http://127.0.0.1:9',
  tempDir,
  artifactsDir: tempDir,
  // The per-minute send limit would stop a benchmark after 60 messages.
  vars: { LIMIT_MESSAGES_PER_MINUTE: '1000000', LIMIT_NEW_REQUESTS_PER_DAY: '1000000' },
});

async function api(path, { token, body, method } = {}) {
  const res = await fetch(`${worker.baseUrl}${path}`, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function summary(name, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  console.log(
    `${name.padEnd(38)} n=${String(samples.length).padEnd(5)} p50=${pick(0.5)} ms  p95=${pick(0.95)} ms  max=${pick(1)} ms`,
  );
}

try {
  const register = [];
  const users = [];
  for (let i = 0; i < 6; i++) {
    let result;
    register.push(
      await timed(async () => {
        result = await api('/v1/auth/register', {
          body: {
            handle: `bench_${i}_${Date.now() % 1e6}`,
            password: 'benchmark-password',
            birthdate: '1990-01-01',
          },
        });
      }),
    );
    users.push(result);
  }
  summary('register (PBKDF2 100k)', register);

  const [a, b] = users;
  for (const [x, y] of [
    [a, b],
    [b, a],
  ])
    await api(`/v1/users/${y.user.handle}/follow`, { token: x.accessToken, method: 'PUT' });
  const conv = await api('/v1/conversations', { token: a.accessToken, body: { members: [b.user.handle] } });

  const sequential = [];
  for (let i = 0; i < SENDS; i++) {
    sequential.push(
      await timed(() =>
        api(`/v1/conversations/${conv.id}/messages`, {
          token: a.accessToken,
          body: { clientId: `s${i}`, text: `message ${i}` },
        }),
      ),
    );
  }
  summary('send message (sequential)', sequential);

  const concurrency = 10;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < SENDS) {
        const i = next++;
        await api(`/v1/conversations/${conv.id}/messages`, {
          token: b.accessToken,
          body: { clientId: `c${i}`, text: `parallel ${i}` },
        });
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${'send message (10 in flight)'.padEnd(38)} ${SENDS} messages in ${seconds.toFixed(2)} s = ${(SENDS / seconds).toFixed(0)} msg/s`,
  );

  const pages = [];
  for (let i = 0; i < 50; i++)
    pages.push(
      await timed(() => api(`/v1/conversations/${conv.id}/messages?limit=30`, { token: a.accessToken })),
    );
  summary('messages page (30, newest)', pages);

  // An inbox with many conversations: the reader follows everyone so the chats land in the inbox.
  const reader = users[2];
  const writers = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const w = await api('/v1/auth/register', {
      body: { handle: `w_${i}_${Date.now() % 1e6}`, password: 'benchmark-password', birthdate: '1990-01-01' },
    });
    await api(`/v1/users/${w.user.handle}/follow`, { token: reader.accessToken, method: 'PUT' });
    await api(`/v1/users/${reader.user.handle}/follow`, { token: w.accessToken, method: 'PUT' });
    const c = await api('/v1/conversations', {
      token: w.accessToken,
      body: { members: [reader.user.handle] },
    });
    await api(`/v1/conversations/${c.id}/messages`, {
      token: w.accessToken,
      body: { clientId: 'hello', text: `hello from ${i}` },
    });
    writers.push(w);
  }
  const inbox = [];
  for (let i = 0; i < 50; i++)
    inbox.push(await timed(() => api('/v1/conversations?box=inbox&limit=30', { token: reader.accessToken })));
  summary(`inbox page (30 of ${CONVERSATIONS})`, inbox);
  const unread = [];
  for (let i = 0; i < 50; i++)
    unread.push(await timed(() => api('/v1/me/unread', { token: reader.accessToken })));
  summary(`unread counts (${CONVERSATIONS} conversations)`, unread);
} finally {
  await worker.stop();
  rmSync(tempDir, { recursive: true, force: true });
}
