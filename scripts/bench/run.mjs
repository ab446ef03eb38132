/**
 * `npm run bench`: a fresh local worker on a seeded D1, driven by autocannon, every figure printed as a
 * ratio to the floor (GET /v1/health) measured in the same run, with the budgets of issue 14 and their
 * verdicts. See docs/performance.md.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, runTool, TOOL_ENV } from '../../extension/e2e/harness/processes.ts';
import { BENCH_PASSWORD, startBenchWorker } from './bench-worker.mjs';
import { measureLiveDelivery } from './live.mjs';
import { measurePanelRender } from './panel-render.mjs';
import { budgets, printBudgets, printTable } from './report.mjs';
import { scenarios } from './scenarios.mjs';
import { median } from './stats.mjs';
import { handleOf } from './world.mjs';

const run = promisify(execFile);
const PORT = Number(process.env.BENCH_PORT ?? 8897);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const LIVE_SAMPLES = Number(process.env.BENCH_LIVE_SAMPLES ?? 200);
const PANEL_LOADS = Number(process.env.BENCH_PANEL_LOADS ?? 5);
const BILL_SAMPLES = 3;
const log = (line) => console.log(line);
const began = performance.now();

/** The side panel's JavaScript, gzipped, from a fresh production build of the extension. */
async function sidePanelKb(tempDir) {
  const logFile = join(tempDir, 'extension-build.log');
  await runTool('npx', ['wxt', 'build'], { cwd: join(ROOT, 'extension'), logFile, timeoutMs: 300_000 });
  const { stdout } = await run(process.execPath, [join(ROOT, 'extension/scripts/check-budget.mjs')], {
    env: TOOL_ENV,
  }).catch((error) => error);
  const match = /([\d.]+) KB gzipped/.exec(String(stdout));
  if (!match) throw new Error(`no size in the budget check's output: ${stdout}`);
  return Number(match[1]);
}

const parseBill = (header) =>
  header
    ? Object.fromEntries(
        header.split('; ').map((part) => {
          const [key, value] = part.split('=');
          return [key, Number(value)];
        }),
      )
    : null;

async function main() {
  const tempDir = mkdtempSync(join(tmpdir(), 'clipdm-bench-'));
  const building = sidePanelKb(tempDir);
  const worker = await startBenchWorker({ port: PORT, tempDir, log });
  const tokens = new Map();
  const tokenOf = async (index) => {
    if (!tokens.has(index)) tokens.set(index, await worker.tokenFor(index));
    return tokens.get(index);
  };
  const headersOf = async (scenario) => ({
    'content-type': 'application/json',
    ...(scenario.as === undefined ? {} : { authorization: `Bearer ${await tokenOf(scenario.as)}` }),
  });

  /** A few requests one at a time: D1's bill (the header only metering adds) and a warm-up. */
  async function billOf(scenario) {
    const bills = [];
    const headers = await headersOf(scenario);
    for (let i = 0; i < BILL_SAMPLES; i++) {
      // Paths meant to be sent once are billed from the end of the list, which the load then leaves out.
      const path = scenario.once ? scenario.paths.at(-1 - i) : scenario.paths[i % scenario.paths.length];
      const n = `bill-${Date.now()}-${i}`;
      const res = await fetch(`${worker.baseUrl}${path.replaceAll('{n}', n)}`, {
        method: scenario.method,
        headers,
        body: scenario.body?.replaceAll('{n}', n),
      });
      if (!res.ok) throw new Error(`${scenario.name}: ${res.status} ${await res.text()}`);
      bills.push(parseBill(res.headers.get('x-d1-bill')));
    }
    // Work a handler starts without awaiting (live events after a send) can finish before the response
    // and land on its bill; the sample with the fewest round trips is the response's own path.
    return bills.reduce((best, bill) => (bill && (!best || bill.rt < best.rt) ? bill : best), null);
  }

  /** One autocannon run in a second process (scripts/bench/load.mjs). */
  async function load(scenario) {
    const paths = scenario.once ? scenario.paths.slice(0, -BILL_SAMPLES) : scenario.paths;
    const spec = {
      baseUrl: worker.baseUrl,
      method: scenario.method,
      paths,
      body: scenario.body,
      headers: await headersOf(scenario),
      connections: CONNECTIONS,
      seconds: SECONDS,
    };
    // The scenario goes through a file: a list of 1,500 paths is too long for a command line.
    const specFile = join(tempDir, 'scenario.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const { stdout } = await run(process.execPath, [join(ROOT, 'scripts/bench/load.mjs'), specFile], {
      maxBuffer: 1 << 20,
    });
    const result = JSON.parse(stdout);
    if (scenario.once && result.requests > paths.length)
      log(
        `  note: ${scenario.name}: ${result.requests} requests for ${paths.length} paths; the rest repeated earlier ones`,
      );
    if (result.non2xx > 0 || result.errors > 0)
      log(
        `  warning: ${scenario.name}: ${result.non2xx} non-2xx, ${result.errors} errors of ${result.requests}`,
      );
    return result;
  }

  async function measure(scenario) {
    const bill = await billOf(scenario);
    const figures = await load(scenario);
    log(
      `  ${scenario.name}: ${figures.perSecond.toFixed(0)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms`,
    );
    return { ...scenario, ...figures, bill };
  }

  try {
    log(
      `worker ready on ${worker.baseUrl} (migrations ${(worker.timings.migrate / 1000).toFixed(1)} s, start ${(worker.timings.start / 1000).toFixed(1)} s); ${CONNECTIONS} connections, ${SECONDS} s per run`,
    );
    // The extension build runs while the database is seeded, and is over before anything is measured.
    const panelKb = await building;
    const plan = scenarios(worker.roles);
    // The floor between every two rows: within one run it drifts (by a quarter on a quiet machine this
    // evening), so each row is judged against the floor measured just before and just after it.
    const floors = [await measure(plan.floor)];
    const beside = async (scenario) => {
      const row = await measure(scenario);
      floors.push(await measure(plan.floor));
      return { ...row, floor: (floors.at(-2).perSecond + floors.at(-1).perSecond) / 2 };
    };
    const reads = [];
    for (const scenario of plan.table.filter((s) => s.kind === 'read')) reads.push(await beside(scenario));
    const pairs = [];
    for (const pair of plan.pairs) {
      pairs.push({ name: pair.name, small: await measure(pair.small), large: await measure(pair.large) });
    }
    const writes = [];
    for (const scenario of plan.table.filter((s) => s.kind === 'write')) writes.push(await beside(scenario));
    const [floorBefore, floorAfter] = [floors[0], floors.at(-1)];
    const live = await measureLiveDelivery({
      baseUrl: worker.baseUrl,
      conversationId: worker.roles.directChat,
      senderToken: await tokenOf(worker.roles.directSender),
      recipientToken: await tokenOf(worker.roles.directPeer),
      samples: LIVE_SAMPLES,
    });
    log(`  live delivery send→socket: p50 ${live.p50.toFixed(1)} ms, p99 ${live.p99.toFixed(1)} ms`);
    // Last, once the load is over: the browser would take the two cores from the worker.
    const panel = await measurePanelRender({
      baseUrl: worker.baseUrl,
      handle: handleOf(worker.roles.small),
      password: BENCH_PASSWORD,
      tempDir,
      loads: PANEL_LOADS,
    });
    log(
      panel.skipped
        ? `  panel first render: not measured (${panel.skipped})`
        : `  panel first render (median of ${panel.loads} loads): ${panel.firstRenderMs} ms, render alone ${panel.renderMs} ms, ${panel.rows} rows; ${panel.sinceNavigationMs} ms from navigation; start-up ${panel.beforeRequestMs} ms, then the inbox request ${panel.inboxRequestMs} ms`,
    );

    // The floor's row is the mean of all its runs; each other row's ratio is to the floor beside it.
    const perSecond = floors.map((f) => f.perSecond);
    const floor = {
      ...floorBefore,
      perSecond: perSecond.reduce((a, b) => a + b, 0) / perSecond.length,
      floor: perSecond.reduce((a, b) => a + b, 0) / perSecond.length,
      p50: median(floors.map((f) => f.p50)),
      drift: floorAfter.perSecond / floorBefore.perSecond,
    };
    const rows = [floor, ...reads, ...writes];
    printTable(rows, log);
    log(
      `floor: ${perSecond.length} runs between the rows, ${Math.min(...perSecond).toFixed(0)}–${Math.max(...perSecond).toFixed(0)} req/s; first ${floorBefore.perSecond.toFixed(0)}, last ${floorAfter.perSecond.toFixed(0)} (drift ×${floor.drift.toFixed(2)}): the machine's noise in this run`,
    );
    const verdicts = budgets({ rows: [...reads, ...writes], pairs, live, panelKb, panel });
    const failed = printBudgets(verdicts, log);
    const results = {
      when: new Date().toISOString(),
      database: { bytes: worker.databaseBytes, rows: worker.counts },
      connections: CONNECTIONS,
      seconds: SECONDS,
      floor,
      rows: [...reads, ...writes],
      pairs,
      live,
      panelKb,
      panel,
      verdicts,
    };
    mkdirSync(join(ROOT, '.output', 'bench'), { recursive: true });
    writeFileSync(join(ROOT, '.output', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`results: .output/bench/results.json; total ${((performance.now() - began) / 1000).toFixed(0)} s`);
    process.exitCode = failed > 0 ? 1 : 0;
  } finally {
    await worker.stop();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

await main();
