import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXTENSION_ID } from '../../manifest-key.ts';
import { ROOT, runTool, stopGroup, TOOL_ENV, waitFor } from './processes.ts';

export interface WorkerHandle {
  baseUrl: string;
  adminToken: string;
  stop: () => Promise<void>;
}

/** The worker variables that point it at the fixture video site, and let the extension's origin in. */
function fixtureSiteVars(fixtureOrigin: string): Record<string, string> {
  return {
    VIDEO_HOSTS: 'www.tiktok.com,m.tiktok.com,tiktok.com,vm.tiktok.com,vt.tiktok.com,127.0.0.1',
    OEMBED_URL: `${fixtureOrigin}/oembed`,
    // Exactly the extension's own origin (its id is fixed by the manifest key) and the fixture site.
    ALLOWED_ORIGINS: `chrome-extension://${EXTENSION_ID},${fixtureOrigin}`,
  };
}

/**
 * A fresh local D1 with every migration applied, and `wrangler dev` serving the worker on 127.0.0.1:`port`
 * with random secrets and, given `fixtureOrigin`, the fixture site's host among the video hosts. Nothing
 * touches the repo's `.dev.vars` or `.wrangler` state: both live in `tempDir`. `vars` adds or overrides
 * worker variables (the soak lifts the limits this way, the Firefox run names its own extension origin).
 * The one starter of the e2e suite, the soak and the Firefox run.
 */
export async function startWorker(options: {
  port: number;
  fixtureOrigin?: string;
  tempDir: string;
  artifactsDir: string;
  vars?: Record<string, string>;
}): Promise<WorkerHandle> {
  const persistTo = join(options.tempDir, 'd1');
  const logFile = join(options.artifactsDir, 'wrangler.log');
  await runTool(
    'npx',
    ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo],
    {
      logFile,
      timeoutMs: 120_000,
    },
  );

  const adminToken = randomBytes(24).toString('hex');
  const vars: Record<string, string> = {
    ENVIRONMENT: 'development',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CONTACTS_PEPPER: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: adminToken,
    ...(options.fixtureOrigin ? fixtureSiteVars(options.fixtureOrigin) : {}),
    // Every account of the suite registers from 127.0.0.1.
    LIMIT_REGISTRATIONS_PER_HOUR: '100000',
    ...options.vars,
  };
  const envFile = join(options.tempDir, 'e2e.env');
  await writeFile(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
    { mode: 0o600 },
  );

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(logFile, { flags: 'a' });
  // `detached` runs wrangler in a session and process group of its own (setsid), so it and workerd stop together.
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
  // 'error' without 'exit' when wrangler cannot start at all; the health wait below then reports it.
  let startError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      startError = error;
      resolve();
    });
  });

  const stop = async () => {
    stopGroup(child);
    const killed = setTimeout(() => stopGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(killed);
  };
  try {
    await waitFor(
      `wrangler dev on ${baseUrl} (log: ${logFile})`,
      // An exited (or never started) wrangler ends the wait at once; the checks below turn it into the error.
      async () =>
        child.exitCode !== null || startError !== undefined || (await fetch(`${baseUrl}/v1/health`)).ok,
      150_000,
    );
    if (startError) throw new Error(`wrangler dev could not start: ${startError.message}`);
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited with ${child.exitCode}; see ${logFile}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, adminToken, stop };
}
