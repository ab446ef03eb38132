import { spawn } from 'node:child_process';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sign } from 'hono/jwt';
import { ROOT, runTool, stopGroup, TOOL_ENV, waitFor } from '../../extension/e2e/harness/processes.ts';
import { localD1File, writeRows } from './seed-sqlite.mjs';
import { buildWorld, userId } from './world.mjs';

export const BENCH_PASSWORD = 'bench-password-14';

/**
 * The PBKDF2-SHA256 credentials the worker checks (`worker/src/lib/password.ts`: 100,000 iterations,
 * 32-byte key, hex), computed once and shared by every seeded user.
 */
function benchCredentials() {
  const salt = Buffer.from('b3e1c4d5a6f70819a2b3c4d5e6f70819', 'hex');
  const passwordHash = pbkdf2Sync(BENCH_PASSWORD, salt, 100_000, 32, 'sha256').toString('hex');
  return { passwordHash, salt: salt.toString('hex'), iterations: 100_000 };
}

/**
 * A fresh local D1 (every migration applied), seeded by writing the world straight into its SQLite
 * file, then `wrangler dev` on 127.0.0.1:`port` in a process group of its own, with D1 metering on and
 * the send limits lifted. Returns the roles, a token minter and `stop()`.
 */
export async function startBenchWorker({ port, tempDir, log }) {
  const persistTo = join(tempDir, 'd1');
  const logFile = join(tempDir, 'wrangler.log');
  const timings = {};
  let started = performance.now();
  await runTool(
    'npx',
    ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo],
    {
      logFile,
      timeoutMs: 120_000,
    },
  );
  timings.migrate = performance.now() - started;

  started = performance.now();
  const world = buildWorld(benchCredentials());
  timings.generate = performance.now() - started;
  started = performance.now();
  const file = localD1File(persistTo);
  const counts = writeRows(file, world.rows);
  timings.write = performance.now() - started;
  const bytes = statSync(file).size;
  log(
    `seed: the database file is ${(bytes / 1024 / 1024).toFixed(1)} MB, ${(bytes / counts.messages).toFixed(0)} bytes per message with everything else`,
  );
  log(
    `seed: ${Object.entries(counts)
      .map(([t, c]) => `${c} ${t}`)
      .join(
        ', ',
      )} (generated in ${(timings.generate / 1000).toFixed(1)} s, written in ${(timings.write / 1000).toFixed(1)} s)`,
  );

  const jwtSecret = randomBytes(32).toString('hex');
  const vars = {
    ENVIRONMENT: 'development',
    JWT_SECRET: jwtSecret,
    CONTACTS_PEPPER: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: randomBytes(24).toString('hex'),
    D1_METERING: '1',
    // Limits meant for people would stop a load generator after a handful of requests.
    LIMIT_MESSAGES_PER_MINUTE: '100000000',
    LIMIT_NEW_REQUESTS_PER_DAY: '100000000',
    LIMIT_MESSAGES_BEFORE_ACCEPT: '100000000',
  };
  const envFile = join(tempDir, 'bench.env');
  await writeFile(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
    { mode: 0o600 },
  );

  const out = createWriteStream(logFile, { flags: 'a' });
  // `detached`: wrangler gets a process group of its own, so stopping the group stops workerd too.
  const child = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistTo,
      '--env-file',
      envFile,
      '--show-interactive-dev-session=false',
      // D1's `query()`, which keeps `meta` for the statements drizzle reads with `raw()`: metering only.
      '--compatibility-flags',
      'd1_binding_jsrpc',
      '--log-level',
      'warn',
    ],
    { cwd: ROOT, env: TOOL_ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    stopGroup(child);
    const killed = setTimeout(() => stopGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(killed);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  started = performance.now();
  try {
    await waitFor(
      `wrangler dev on ${baseUrl} (log: ${logFile})`,
      async () => child.exitCode !== null || (await fetch(`${baseUrl}/v1/health`)).ok,
      150_000,
    );
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited with ${child.exitCode}; see ${logFile}`);
  } catch (error) {
    await stop();
    throw error;
  }
  timings.start = performance.now() - started;

  /** An access token for seeded user `index`, signed as the worker signs them (login `bench-login-<index>`). */
  const tokenFor = (index) => {
    const iat = Math.floor(Date.now() / 1000);
    return sign(
      { sub: userId(index), sid: `bench-login-${String(index).padStart(4, '0')}`, iat, exp: iat + 3600 },
      jwtSecret,
      'HS256',
    );
  };
  return { baseUrl, roles: world.roles, tokenFor, stop, timings, logFile, databaseBytes: bytes, counts };
}
