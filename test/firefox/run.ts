/**
 * `npm run test:firefox`: the Firefox build of the extension (sidebar, MV2) in Debian's Firefox ESR against
 * a real `wrangler dev`: sign in, inbox, a request accepted, a message sent and one received live, the
 * content script on the fixture site. Skipped, with one line saying so, when Firefox is not installed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFixtureSite } from '../../extension/e2e/harness/fixture-server.ts';
import { Http, Tally } from '../soak/http.ts';
import { startLocalWorker, TOOL_ENV } from '../soak/local-worker.ts';
import { launchFirefox, openExtensionPage } from './firefox.ts';
import { runFlows, signUpInPanel } from './flows.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(FIREFOX)) {
  console.log(
    `firefox: skipped — no Firefox at ${FIREFOX} (set FIREFOX_PATH, or apt-get install firefox-esr)`,
  );
  process.exit(0);
}

const WORKER_PORT = Number(process.env.FIREFOX_WORKER_PORT ?? 8897);
const SITE_PORT = Number(process.env.FIREFOX_SITE_PORT ?? 8898);
const ROOT = new URL('../../', import.meta.url).pathname;
const started = Date.now();
const tempDir = mkdtempSync(join(tmpdir(), 'clipdm-firefox-'));
const site = await startFixtureSite(SITE_PORT);
const baseUrl = `http://127.0.0.1:${WORKER_PORT}`;
const videoHosts = 'www.tiktok.com,m.tiktok.com,tiktok.com,vm.tiktok.com,vt.tiktok.com,127.0.0.1';

// Built for this worker, then copied, so a rebuild in the working tree cannot change it mid-run.
await promisify(execFile)('npx', ['wxt', 'build', '-b', 'firefox'], {
  cwd: join(ROOT, 'extension'),
  env: { ...TOOL_ENV, WXT_API_BASE_URL: baseUrl, WXT_VIDEO_HOSTS: videoHosts },
});
const extensionDir = join(tempDir, 'extension');
await cp(join(ROOT, 'extension', '.output', 'firefox-mv2'), extensionDir, { recursive: true });

const firefox = await launchFirefox(FIREFOX, extensionDir);
let exitCode = 1;
let worker: Awaited<ReturnType<typeof startLocalWorker>> | undefined;
try {
  worker = await startLocalWorker({
    port: WORKER_PORT,
    tempDir,
    vars: {
      // Only this run's extension origin and the fixture site: the worker must accept Firefox's origin by name.
      ALLOWED_ORIGINS: `${firefox.origin},${site.origin}`,
      VIDEO_HOSTS: videoHosts,
      OEMBED_URL: `${site.origin}/oembed`,
    },
  });
  const tally = new Tally();
  const api = (token?: string) => new Http(worker?.baseUrl ?? baseUrl, tally, token);
  const panel = await openExtensionPage(firefox, 'sidepanel.html', 'Create account');
  // Anything the extension pages' Content-Security-Policy blocks from here on fails the run.
  await panel.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await signUpInPanel(panel);
  const steps = await runFlows({ firefox, panel, api, siteOrigin: site.origin });
  const csp = await panel.evaluate(() => ({
    violations: (window as unknown as { cspViolations: string[] }).cspViolations,
    styled: [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0),
  }));
  assert.deepEqual(csp, { violations: [], styled: true }, 'the panel under its CSP');
  assert.deepEqual(tally.serverErrors, []);
  console.log(
    `firefox: ${steps} steps passed in ${(await firefox.browser.version()).replace('firefox/', 'Firefox ')} ` +
      `(${firefox.origin}) in ${((Date.now() - started) / 1000).toFixed(1)} s, ${tally.requests} API calls`,
  );
  exitCode = 0;
} catch (error) {
  console.error('firefox: failed —', error);
  console.error(`firefox: worker log in ${join(tempDir, 'wrangler.log')}`);
} finally {
  await firefox.close();
  await worker?.stop();
  await site.close();
  if (exitCode === 0) rmSync(tempDir, { recursive: true, force: true });
}
process.exit(exitCode);
