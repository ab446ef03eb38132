import { basename, join } from 'node:path';
import { type Page, test } from '@playwright/test';
import { ARTIFACTS_DIR } from './suite-env.ts';

/**
 * Saves a screenshot of a step under artifacts/e2e/screens/, named after the test file and the step
 * (`01-live-message--inbox-unread-badge.png`), for the docs and for a look at what the user saw.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const file = basename(test.info().file, '.spec.ts');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'screens', `${file}--${name}.png`) });
}
