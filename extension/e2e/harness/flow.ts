import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Person } from './browser.ts';
import { world } from './world.ts';

/** Timeout of one expectation; generous for two slow shared cores, bounded so a broken flow ends. */
export const UI_TIMEOUT = 20_000;

interface Flow {
  name: string;
  body: () => Promise<void>;
}

const flows: Flow[] = [];

/** Declares one flow of the issue; `run.ts` runs them in file order, one at a time. */
export function flow(name: string, body: () => Promise<void>): void {
  flows.push({ name, body });
}

/** The flows declared so far, in order. */
export function declaredFlows(): readonly Flow[] {
  return flows;
}

/**
 * Runs one flow within `timeoutMs`. Console errors of the extension's pages collected while it runs fail
 * it, whatever else happened.
 */
export async function runFlow({ body }: Flow, timeoutMs: number): Promise<void> {
  const people = Object.values(world().people);
  for (const person of people) {
    person.errors.length = 0;
    person.allowNetworkErrors = false;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the flow took over ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    for (const person of people) person.allowNetworkErrors = false;
  }
  const errors = people.flatMap((person) => person.errors);
  assert.deepEqual(errors, [], `console errors in the extension's pages:\n${errors.join('\n')}`);
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
