/**
 * `npm start`: the whole product on this machine. Applies the migrations to the local D1, builds the
 * extension, serves the fixture video site on 127.0.0.1:8789 (its oEmbed titles the demo's video cards),
 * serves the worker with `wrangler dev` on 127.0.0.1:8787, seeds the demo world once, and prints the
 * logins. Ctrl-C stops everything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
// The e2e suite's fixture video site (pages, oEmbed, posters): one copy, which Node 24 runs as TypeScript.
import { startFixtureSite } from '../extension/e2e/harness/fixture-server.ts';
import { verifyDemoPeople } from './demo-verified.mjs';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoWorld } from './demo-world.mjs';
import { ensureDevVars } from './dev-vars.mjs';
import { serveProviderStandIn, standInVars } from './provider-stand-in.mjs';

const PORT = Number(process.env.PORT ?? 8787);
const BASE = `http://127.0.0.1:${PORT}`;
// The local stand-in of the video site's Login Kit and of Facebook Login (not the real services).
const STAND_IN_PORT = Number(process.env.STAND_IN_PORT ?? PORT + 1);
const STAND_IN = `http://127.0.0.1:${STAND_IN_PORT}`;
const SITE_PORT = Number(process.env.SITE_PORT ?? PORT + 2);
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: 'true',
};

function run(step, command, args) {
  console.log(`\n▶ ${step}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✗ ${step} failed`);
    process.exit(result.status ?? 1);
  }
}

async function waitForHealth(deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE}/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the worker did not answer ${BASE}/v1/health in time`);
}

if (ensureDevVars()) console.log('Created .dev.vars with fresh random secrets.');
run('Applying migrations to the local D1', 'npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local']);
run('Building the extension', 'npm', ['run', 'build', '-w', 'extension']);

console.log(`\n▶ Serving the fixture video site on http://127.0.0.1:${SITE_PORT}`);
const site = await startFixtureSite(SITE_PORT);

console.log(`\n▶ Starting the sign-in stand-in on ${STAND_IN}`);
await serveProviderStandIn(STAND_IN_PORT);
const standInFlags = Object.entries(standInVars(STAND_IN)).flatMap(([key, value]) => [
  '--var',
  `${key}:${value}`,
]);

console.log(`\n▶ Starting the worker on ${BASE}`);
// The real site's oEmbed cannot be reached offline: the worker asks the fixture site instead.
const workerArgs = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(PORT), ...standInFlags];
workerArgs.push('--var', `OEMBED_URL:${site.origin}/oembed`);
const worker = spawn('npx', workerArgs, {
  stdio: ['ignore', 'inherit', 'inherit'],
  env,
  detached: true,
});
const stop = () => {
  try {
    process.kill(-worker.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  void site.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
worker.on('exit', (code) => process.exit(code ?? 1));

await waitForHealth(Date.now() + 120_000);
try {
  const created = await seedDemoWorld(BASE);
  console.log(created ? '\nSeeded the demo world.' : '\nThe demo world is already there.');
  const verified = await verifyDemoPeople(BASE, DEMO_USERS, DEMO_PASSWORD);
  if (verified > 0) console.log(`Verified ${verified} demo people through the sign-in stand-in.`);
} catch (error) {
  console.error(`\nCould not seed the demo world: ${error.message}`);
}
console.log(`
ClipDM is running.
  Worker:     ${BASE}  (try: curl ${BASE}/v1/health)
  Video site: ${site.origin}  (the fixture site: feed, videos, profiles)
  Extension:  ${resolve('extension/.output/chrome-mv3')}
              chrome://extensions → Developer mode → Load unpacked → that folder
  Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.handle).join(', ')}
              alice has a friend (bob), a group, and a message request from dave; erin is 16.
              All are verified: "Continue with the video site" as alice on the stand-in opens alice.
  Stand-in:   ${STAND_IN}  (a local imitation of the site's Login Kit and Facebook Login, not the real ones;
              codes for email and phone go to ${BASE}/v1/dev/outbox?to=…)
  Stop with Ctrl-C.
`);
