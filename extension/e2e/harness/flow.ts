import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Person } from './browser.ts';
import { world } from './world.ts';

/** Timeout of one expectation; generous for two slow shared cores, bounded so a broken flow ends. */
export const UI_TIMEOUT = 20_000;

/**
 * One flow of the issue as one test. Console errors of the extension's pages collected while it runs
 * fail it, whatever else happened.
 */
export function flow(name: string, body: () => Promise<void>): void {
  test(name, async () => {
    const people = Object.values(world().people);
    for (const person of people) {
      person.errors.length = 0;
      person.allowNetworkErrors = false;
    }
    try {
      await body();
    } finally {
      for (const person of people) person.allowNetworkErrors = false;
    }
    const errors = people.flatMap((person) => person.errors);
    assert.deepEqual(errors, [], `console errors in the extension's pages:\n${errors.join('\n')}`);
  });
}

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
