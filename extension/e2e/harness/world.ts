import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Api, Session } from './api.ts';
import type { Person } from './browser.ts';

/** What every flow shares: the worker, the fixture site, three people at their browsers. */
export interface World {
  api: Api;
  site: string;
  artifactsDir: string;
  /** The built extension the browsers load, and the suite's scratch folder (for extra profiles). */
  extensionDir: string;
  tempDir: string;
  /** The worker's address as Alice's extension knows it (a relay), and the switch that cuts it off. */
  aliceWorkerUrl: string;
  setWorkerReachableForAlice: (reachable: boolean) => void;
  people: { alice: Person; bob: Person; carol: Person };
  /** API sessions of the accounts the flows created, by handle. */
  sessions: Map<string, Session>;
}

/** One password for every account the suite makes (the API wants 10+ characters). */
export const PASSWORD = 'correct horse battery';

let current: World | null = null;
let shots = 0;

export function setWorld(world: World | null): void {
  current = world;
}

export function world(): World {
  if (!current) throw new Error('The e2e world is not set up (run the suite with npm run test:e2e)');
  return current;
}

/** The API session of an account a flow created; fails clearly when an earlier flow did not make it. */
export function session(handle: string): Session {
  const found = world().sessions.get(handle);
  if (!found) throw new Error(`No account @${handle}: an earlier flow that creates it failed`);
  return found;
}

/** Saves a numbered full-page screenshot under artifacts/e2e/ (the CI keeps the folder). */
export async function shot(page: Page, name: string): Promise<void> {
  shots += 1;
  const file = join(world().artifactsDir, `${String(shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
}
