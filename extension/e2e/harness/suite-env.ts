import { join } from 'node:path';
import { ROOT } from './processes.ts';

/** Everything a run leaves to look at: screenshots, traces, logs (git-ignored, kept by the CI). */
export const ARTIFACTS_DIR = join(ROOT, 'artifacts', 'e2e');

/** What the global setup started, handed to the test worker through its environment. */
export interface SuiteEnv {
  chromiumPath: string;
  workerUrl: string;
  adminToken: string;
  site: string;
  extensionDir: string;
  /** The run's scratch folder: D1, env file, the people's browser profiles. */
  tempDir: string;
}

const KEYS: Record<keyof SuiteEnv, string> = {
  chromiumPath: 'CHROMIUM_PATH',
  workerUrl: 'E2E_WORKER_URL',
  adminToken: 'E2E_ADMIN_TOKEN',
  site: 'E2E_SITE_URL',
  extensionDir: 'E2E_EXTENSION_DIR',
  tempDir: 'E2E_TEMP_DIR',
};

/** Playwright starts test workers after the global setup, with its `process.env`: the documented hand-over. */
export function publishSuiteEnv(env: SuiteEnv): void {
  for (const [key, name] of Object.entries(KEYS)) process.env[name] = env[key as keyof SuiteEnv];
}

export function readSuiteEnv(): SuiteEnv {
  const entries = Object.entries(KEYS).map(([key, name]) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the suite with npm run test:e2e`);
    return [key, value];
  });
  return Object.fromEntries(entries) as SuiteEnv;
}
