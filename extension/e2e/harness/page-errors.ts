import type { Page } from '@playwright/test';
import type { Person } from './person.ts';

/** Runs `body` while `person`'s browser may log failed requests (the step causes them on purpose). */
export async function expectingFailedRequests<T>(person: Person, body: () => Promise<T>): Promise<T> {
  person.allowNetworkErrors = true;
  try {
    return await body();
  } finally {
    person.allowNetworkErrors = false;
  }
}

/** Errors on a page of the fixture site (the content script runs there), for steps that watch them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
