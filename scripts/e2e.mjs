// `npm run test:e2e [-- playwright options]`: finds a Chromium (or installs Debian's as root on Debian/Ubuntu),
// then runs the Playwright suite in extension/e2e (docs/e2e.md). Options pass through: `-- --grep "XSS"`.
// The browser is looked for here, before Playwright starts, so a missing one ends the run with one line.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ChromiumMissing, ensureChromium } from '../extension/e2e/harness/chromium.ts';

let chromiumPath;
try {
  chromiumPath = ensureChromium();
} catch (error) {
  if (!(error instanceof ChromiumMissing)) throw error;
  process.stderr.write(`[e2e] ${error.message}\n`);
  process.exit(1);
}

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const config = fileURLToPath(new URL('../extension/e2e/playwright.config.ts', import.meta.url));
const child = spawn(process.execPath, [cli, 'test', '--config', config, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromiumPath },
});
// Ctrl-C reaches Playwright through the terminal, and a CI's SIGTERM is passed on: either way this script
// waits for Playwright's teardown (which stops wrangler by its process group) and exits with its code.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
