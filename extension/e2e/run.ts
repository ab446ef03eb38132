/**
 * The end-to-end suite: builds the extension, starts a fresh local D1 + `wrangler dev` and the fixture site,
 * launches Chromium with the unpacked extension for three people, runs every `flows/*.flow.ts` in name order
 * (they share the accounts they create), and prints `N passed, N failed` last (the CI reads that line).
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveProviderStandIn, standInVars } from '../../scripts/provider-stand-in.mjs';
import { Api } from './harness/api.ts';
import { launchPerson, type Person } from './harness/browser.ts';
import { buildExtension } from './harness/build.ts';
import { startFixtureSite } from './harness/fixture-server.ts';
import { declaredFlows, runFlow } from './harness/flow.ts';
import { startOutageProxy } from './harness/outage-proxy.ts';
import { ROOT } from './harness/processes.ts';
import { startWorker } from './harness/worker.ts';
import { setWorld } from './harness/world.ts';

const WORKER_PORT = Number(process.env.E2E_WORKER_PORT ?? 8793);
const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 8794);
// The stand-in of the video site's Login Kit (and Facebook), which "Continue with TikTok" goes through.
const STAND_IN_PORT = Number(process.env.E2E_STAND_IN_PORT ?? 8795);
/** The whole suite's budget; the CI allows 15 minutes on two slow cores. */
const SUITE_TIMEOUT_MS = 12 * 60_000;
const FLOW_TIMEOUT_MS = 150_000;

const artifactsDir = join(ROOT, 'artifacts', 'e2e');
const flowsDir = join(import.meta.dirname, 'flows');

function seconds(since: number): number {
  return Math.round((Date.now() - since) / 100) / 10;
}

function indent(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Screenshots of every open tab of every person, to see what a failed flow left on screen. */
async function shootEveryPage(people: Person[], prefix: string) {
  for (const person of people) {
    for (const [index, page] of person.context.pages().entries()) {
      const file = join(artifactsDir, `${prefix}-${person.name}-${index}.png`);
      await page.screenshot({ path: file, timeout: 10_000 }).catch(() => undefined);
    }
  }
}

function log(message: string) {
  process.stdout.write(`[e2e] ${message}\n`);
}

async function main(): Promise<number> {
  const started = Date.now();
  await rm(artifactsDir, { recursive: true, force: true });
  await mkdir(artifactsDir, { recursive: true });
  const tempDir = await mkdtemp(join(tmpdir(), 'clipdm-e2e-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  const people: Person[] = [];
  let passed = 0;
  let failed = 0;
  // Ctrl-C or a CI cancel still stops wrangler and the browsers.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled(cleanups.reverse().map((c) => c())).then(() => process.exit(130));
    });
  }
  const hardStop = setTimeout(() => {
    process.stdout.write(`[e2e] the suite went over ${SUITE_TIMEOUT_MS / 60_000} minutes\n`);
    process.exitCode = 1;
    void Promise.allSettled(cleanups.reverse().map((c) => c())).then(() => process.exit(1));
  }, SUITE_TIMEOUT_MS);

  try {
    const site = await startFixtureSite(SITE_PORT);
    cleanups.push(site.close);
    const standIn = await serveProviderStandIn(STAND_IN_PORT);
    cleanups.push(() => new Promise<void>((done) => standIn.close(() => done())));
    log(`fixture site on ${site.origin}`);

    const apiBaseUrl = `http://127.0.0.1:${WORKER_PORT}`;
    log('building the extension and starting the worker');
    const [extensionDir, worker] = await Promise.all([
      buildExtension({
        apiBaseUrl,
        videoHosts: '127.0.0.1',
        targetDir: join(tempDir, 'extension'),
        artifactsDir,
      }),
      startWorker({
        port: WORKER_PORT,
        fixtureOrigin: site.origin,
        tempDir,
        artifactsDir,
        vars: standInVars(`http://127.0.0.1:${STAND_IN_PORT}`),
      }),
    ]);
    cleanups.push(worker.stop);
    log(`worker on ${worker.baseUrl}; extension built (${Math.round((Date.now() - started) / 1000)} s)`);

    for (const name of ['alice', 'bob', 'carol'] as const) {
      const person = await launchPerson(name, extensionDir, tempDir);
      people.push(person);
      cleanups.push(() => person.context.close());
    }
    const [alice, bob, carol] = people as [Person, Person, Person];
    // Alice's extension talks to the worker through a relay the offline flow can cut (outage-proxy.ts);
    // the worker address is the storage key the options page edits.
    const relay = await startOutageProxy(WORKER_PORT);
    cleanups.push(relay.close);
    await alice.serviceWorker.evaluate(
      `chrome.storage.local.set({ apiBaseUrl: ${JSON.stringify(relay.url)} })`,
    );
    setWorld({
      api: new Api(worker.baseUrl, worker.adminToken),
      site: site.origin,
      artifactsDir,
      extensionDir,
      tempDir,
      aliceWorkerUrl: relay.url,
      setWorkerReachableForAlice: (reachable) => relay.setDown(!reachable),
      people: { alice, bob, carol },
      sessions: new Map(),
    });
    log(`browsers up (extension id ${alice.extensionId})`);

    // E2E_ONLY=00,01 runs the flows whose file names start with those prefixes (they build on each other).
    const only = process.env.E2E_ONLY?.split(',').filter(Boolean);
    const files = (await readdir(flowsDir))
      .filter((f) => f.endsWith('.flow.ts') && (!only || only.some((prefix) => f.startsWith(prefix))))
      .sort();
    for (const file of files) await import(join(flowsDir, file));
    for (const declared of declaredFlows()) {
      const flowStarted = Date.now();
      try {
        await runFlow(declared, FLOW_TIMEOUT_MS);
        passed += 1;
        log(`✔ ${declared.name} (${seconds(flowStarted)} s)`);
      } catch (error) {
        failed += 1;
        log(`✖ ${declared.name} (${seconds(flowStarted)} s)\n${indent(error)}`);
        await shootEveryPage(people, `failed-${failed}`);
      }
    }
  } catch (error) {
    failed += 1;
    process.stdout.write(`[e2e] setup failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  } finally {
    clearTimeout(hardStop);
    setWorld(null);
    await Promise.allSettled(cleanups.reverse().map((cleanup) => cleanup()));
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  }
  log(`finished in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${artifactsDir}`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

// Exit explicitly: a browser or server that failed to close must not keep CI waiting.
process.exit(await main());
