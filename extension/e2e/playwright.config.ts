import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { ARTIFACTS_DIR } from './harness/suite-env.ts';

/**
 * The end-to-end suite (docs/e2e.md). It lives here, with its tests, so `tsc -p extension` checks it; run it
 * with `npm run test:e2e` (which finds or installs a Chromium first) or `npx playwright test -c extension/e2e`.
 */
export default defineConfig({
  testDir: 'tests',
  testMatch: '*.spec.ts',
  // The tests tell one story in file order and share its accounts and browsers; two shared cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  globalSetup: './global-setup.ts',
  // The whole suite's budget (the CI allows 15 minutes on two slow cores), one test's, one expectation's.
  globalTimeout: 12 * 60_000,
  timeout: 150_000,
  expect: { timeout: 20_000 },
  outputDir: join(ARTIFACTS_DIR, 'results'),
  reporter: [['list'], ['./harness/summary-reporter.ts']],
  use: {
    // Playwright records these for every context in the worker, the people's persistent contexts included.
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 30_000,
  },
});
