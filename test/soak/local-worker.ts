import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const run = promisify(execFile);

/** No telemetry and no calls to Cloudflare from any wrangler this starts. */
export const TOOL_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: 'true',
  NO_COLOR: '1',
};

export interface LocalWorker {
  baseUrl: string;
  adminToken: string;
  /** Runs SQL against the worker's local D1 (read-only use: the checks after a run). */
  query: <Row>(sql: string) => Promise<Row[]>;
  stop: () => Promise<void>;
}

/**
 * A fresh local D1 with the migrations and `wrangler dev` on 127.0.0.1:`port`, everything under `tempDir`.
 * The soak and the Firefox run have their own starter (rather than the e2e harness's) so they keep working
 * while that suite moves to @playwright/test.
 */
export async function startLocalWorker(options: {
  port: number;
  tempDir: string;
  vars?: Record<string, string>;
}): Promise<LocalWorker> {
  const persistTo = join(options.tempDir, 'd1');
  const wrangler = (args: string[]) =>
    run('npx', ['wrangler', ...args, '--persist-to', persistTo], {
      cwd: ROOT,
      env: TOOL_ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local']);

  const adminToken = randomBytes(24).toString('hex');
  const vars: Record<string, string> = {
    ENVIRONMENT: 'development',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CONTACTS_PEPPER: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: adminToken,
    ...options.vars,
  };
  const envFile = join(options.tempDir, 'worker.env');
  await writeFile(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
    { mode: 0o600 },
  );

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const logFile = join(options.tempDir, 'wrangler.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  // Its own process group (`detached`), so wrangler and workerd stop together.
  const child: ChildProcess = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--persist-to',
      persistTo,
      '--env-file',
      envFile,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    { cwd: ROOT, env: TOOL_ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  const stop = async () => {
    signal('SIGTERM');
    const killed = setTimeout(() => signal('SIGKILL'), 5000);
    await exited;
    clearTimeout(killed);
  };

  const until = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited with ${child.exitCode}; see ${logFile}`);
    const up = await fetch(`${baseUrl}/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`wrangler dev did not answer on ${baseUrl}; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }

  const query = async <Row>(sql: string): Promise<Row[]> => {
    const { stdout } = await wrangler(['d1', 'execute', 'DB', '--local', '--json', '--command', sql]);
    const [result] = JSON.parse(stdout) as [{ results: Row[] }];
    return result.results;
  };
  return { baseUrl, adminToken, query, stop };
}
