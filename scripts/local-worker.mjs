/**
 * Starts a throw-away `wrangler dev` for benchmarks and tests: a fresh local D1 in a temp folder with the
 * real migrations, fresh secrets, its own port. `stop()` ends it by process group.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: 'true',
};

export async function startLocalWorker({ port, vars = {}, quiet = true }) {
  const dir = mkdtempSync(join(tmpdir(), 'clipdm-worker-'));
  const adminToken = randomBytes(24).toString('hex');
  const envFile = join(dir, '.env');
  const lines = {
    ENVIRONMENT: 'development',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CONTACTS_PEPPER: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: adminToken,
    VIDEO_HOSTS: 'www.tiktok.com,m.tiktok.com,tiktok.com,vm.tiktok.com,vt.tiktok.com,127.0.0.1,localhost',
    ...vars,
  };
  writeFileSync(
    envFile,
    Object.entries(lines)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  const persist = join(dir, 'state');
  const migrate = spawnSync(
    'npx',
    ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
    {
      env,
      encoding: 'utf8',
    },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);

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
      persist,
      '--env-file',
      envFile,
    ],
    { env, detached: true, stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'] },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/v1/health`)).ok) return { base, adminToken, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stop();
  throw new Error(`wrangler dev did not come up on ${base}`);
}
