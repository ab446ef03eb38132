import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveProviderStandIn, standInVars } from '../../scripts/provider-stand-in.mjs';
import { buildExtension } from './harness/build.ts';
import { ensureChromium } from './harness/chromium.ts';
import { startFixtureSite } from './harness/fixture-server.ts';
import { ARTIFACTS_DIR, publishSuiteEnv } from './harness/suite-env.ts';
import { startWorker } from './harness/worker.ts';

const WORKER_PORT = Number(process.env.E2E_WORKER_PORT ?? 8793);
const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 8794);
// The stand-in of the video site's Login Kit (and Facebook), which "Continue with TikTok" goes through.
const STAND_IN_PORT = Number(process.env.E2E_STAND_IN_PORT ?? 8795);

function log(message: string) {
  process.stdout.write(`[e2e] ${message}\n`);
}

/**
 * Before the first test: the fixture site, the extension built against this run's worker, and a fresh local
 * D1 behind `wrangler dev` (in its own process group). Returns the teardown Playwright runs after the last
 * test, or when the run is interrupted.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  // Screenshots and logs of the last run only; Playwright empties `results/` itself.
  await Promise.all(
    ['screens', 'build.log', 'wrangler.log'].map((name) =>
      rm(join(ARTIFACTS_DIR, name), { recursive: true, force: true }),
    ),
  );
  await mkdir(join(ARTIFACTS_DIR, 'screens'), { recursive: true });
  const chromiumPath = ensureChromium(log);
  const tempDir = await mkdtemp(join(tmpdir(), 'clipdm-e2e-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  const teardown = async () => {
    await Promise.allSettled(cleanups.reverse().map((cleanup) => cleanup()));
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  };

  try {
    const site = await startFixtureSite(SITE_PORT);
    cleanups.push(site.close);
    const standIn = await serveProviderStandIn(STAND_IN_PORT);
    cleanups.push(() => new Promise<void>((done) => standIn.close(() => done())));
    log(`fixture site on ${site.origin}; building the extension and starting the worker`);
    const apiBaseUrl = `http://127.0.0.1:${WORKER_PORT}`;
    const [extensionDir, worker] = await Promise.all([
      buildExtension({
        apiBaseUrl,
        videoHosts: '127.0.0.1',
        targetDir: join(tempDir, 'extension'),
        artifactsDir: ARTIFACTS_DIR,
      }),
      startWorker({
        port: WORKER_PORT,
        fixtureOrigin: site.origin,
        tempDir,
        artifactsDir: ARTIFACTS_DIR,
        vars: standInVars(`http://127.0.0.1:${STAND_IN_PORT}`),
      }),
    ]);
    cleanups.push(worker.stop);
    log(
      `worker on ${worker.baseUrl}; browser ${chromiumPath}; ready in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    publishSuiteEnv({
      chromiumPath,
      workerUrl: worker.baseUrl,
      adminToken: worker.adminToken,
      site: site.origin,
      extensionDir,
      tempDir,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
