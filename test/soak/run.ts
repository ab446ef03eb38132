/**
 * The soak: many clients at once against a real `wrangler dev` (workerd + local D1) on 127.0.0.1, for a
 * bounded time and number of requests, then a check that nothing was lost, doubled or shown to the wrong
 * person. `npm run test:soak` is the short run inside `npm test`; `npm run soak` the long one.
 * SOAK_SECONDS, SOAK_CLIENTS and SOAK_MAX_REQUESTS override the bounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomStep } from './actions.ts';
import { checkRun } from './check.ts';
import { Tally } from './http.ts';
import { startLocalWorker } from './local-worker.ts';
import { SoakClient } from './soak-client.ts';

const long = process.argv.includes('--long');
const SECONDS = Number(process.env.SOAK_SECONDS ?? (long ? 600 : 40));
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? (long ? 40 : 10));
const MAX_REQUESTS = Number(process.env.SOAK_MAX_REQUESTS ?? (long ? 200_000 : 20_000));
const PORT = Number(process.env.SOAK_PORT ?? 8896);

const tempDir = mkdtempSync(join(tmpdir(), 'clipdm-soak-'));
const worker = await startLocalWorker({
  port: PORT,
  tempDir,
  // Per-minute, per-hour and per-day limits would stop a soak in its first minute (every client shares one
  // IP); the limit of messages before an accept stays as is.
  vars: {
    LIMIT_MESSAGES_PER_MINUTE: '1000000',
    LIMIT_NEW_REQUESTS_PER_DAY: '1000000',
    LIMIT_REGISTRATIONS_PER_HOUR: '1000000',
    LIMIT_STREAM_TICKETS_PER_MINUTE: '1000000',
    LIMIT_REPORTS_PER_HOUR: '1000000',
  },
});
const tally = new Tally();
let exitCode = 1;
try {
  const clients = Array.from(
    { length: CLIENTS },
    (_, i) => new SoakClient(`soak${i}`, worker.baseUrl, tally),
  );
  const lurker = new SoakClient('lurker', worker.baseUrl, tally);
  for (const client of [...clients, lurker]) {
    await client.register();
    await client.http.ok('PATCH', '/v1/me/settings', { dmPolicy: 'everyone' });
  }
  // Friends in a ring, each pair with a direct conversation in both inboxes, so sends start at once.
  for (const [i, a] of clients.entries()) {
    const b = clients[(i + 1) % clients.length];
    if (!b || b === a) continue;
    await a.http.ok('PUT', `/v1/users/${b.handle}/follow`);
    await b.http.ok('PUT', `/v1/users/${a.handle}/follow`);
    const { id } = await a.http.ok<{ id: string }>('POST', '/v1/conversations', { members: [b.handle] });
    await a.send(id, 0);
    await b.http.call('POST', `/v1/conversations/${id}/accept`);
  }
  await Promise.all(clients.map((c) => c.connect()));

  const exits = new Set<string>();
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const stepErrors: string[] = [];
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline && tally.requests < MAX_REQUESTS) {
        try {
          await randomStep(client, clients, lurker, exits);
        } catch (error) {
          stepErrors.push(String(error));
          if (stepErrors.length > 20) return;
        }
        await new Promise((r) => setTimeout(r, Math.random() * 50));
      }
    }),
  );
  const loadMs = Date.now() - started;

  // Every socket open again, a moment for the last events to arrive, then the checks.
  await Promise.all(clients.filter((c) => !c.socket).map((c) => c.connect()));
  await new Promise((r) => setTimeout(r, 2000));
  const result = await checkRun(worker, clients);
  for (const client of clients) client.close();

  const failures = [
    ...clients.flatMap((c) => c.conflicts),
    ...stepErrors,
    ...tally.networkErrors,
    ...tally.serverErrors,
    ...result.failures,
  ];
  console.log(
    [
      `soak: ${CLIENTS} clients for ${(loadMs / 1000).toFixed(1)} s (bound ${SECONDS} s / ${MAX_REQUESTS} requests)`,
      `  requests: ${tally.requests} (${(tally.requests / (loadMs / 1000)).toFixed(0)}/s)  statuses: ${tally.summary()}`,
      `  messages acknowledged: ${result.stored}, conversations: ${result.conversations}, client views compared: ${result.compared}`,
      `  live events: ${clients.reduce((n, c) => n + c.liveEvents, 0)}, socket drops and reconnects: ${clients.reduce((n, c) => n + c.reconnects, 0)}`,
      `  errors: ${failures.length}`,
    ].join('\n'),
  );
  for (const failure of failures.slice(0, 30)) console.error(`  ✗ ${failure}`);
  exitCode = failures.length === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
  console.error(`soak: see ${join(tempDir, 'wrangler.log')}`);
} finally {
  await worker.stop();
  if (exitCode === 0) rmSync(tempDir, { recursive: true, force: true });
}
process.exit(exitCode);
