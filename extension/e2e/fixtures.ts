import { test as base, expect } from '@playwright/test';
import { Accounts } from './harness/accounts.ts';
import { Api } from './harness/api.ts';
import { type OutageProxy, startOutageProxy } from './harness/outage-proxy.ts';
import { People } from './harness/people.ts';
import type { Person } from './harness/person.ts';
import { readSuiteEnv, type SuiteEnv } from './harness/suite-env.ts';

interface WorkerFixtures {
  suite: SuiteEnv;
  /** Direct calls to the run's worker, to arrange what a test needs and check what the API holds. */
  api: Api;
  accounts: Accounts;
  people: People;
  /** The relay Alice's extension reaches the worker through; `setDown(true)` takes the worker away from her. */
  aliceRelay: OutageProxy;
  alice: Person;
  bob: Person;
  carol: Person;
}

interface TestFixtures {
  /** The fixture video site's origin. */
  site: string;
  /** Someone new, with a fresh profile, for this test only (closed after it). */
  newcomer: Person;
  /** Fails the test on console errors or uncaught exceptions in the extension's pages (automatic). */
  extensionConsole: undefined;
}

/**
 * The people are worker-scoped: their browsers stay open from test to test, as the story goes on. Their
 * profiles live in the run's folder, so after a failure (Playwright then starts a new worker) they come
 * back signed in.
 */
function person(
  name: 'alice' | 'bob' | 'carol',
): [
  (fixtures: { people: People }, use: (person: Person) => Promise<void>) => Promise<void>,
  { scope: 'worker' },
] {
  return [
    async ({ people }, use) => {
      const launched = await people.launch(name, `profile-${name}`);
      await use(launched);
      await launched.context.close();
    },
    { scope: 'worker' },
  ];
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  suite: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => use(readSuiteEnv()),
    { scope: 'worker' },
  ],
  api: [async ({ suite }, use) => use(new Api(suite.workerUrl, suite.adminToken)), { scope: 'worker' }],
  accounts: [async ({ api }, use) => use(new Accounts(api)), { scope: 'worker' }],
  people: [async ({ suite }, use) => use(new People(suite)), { scope: 'worker' }],
  aliceRelay: [
    async ({ suite }, use) => {
      const relay = await startOutageProxy(Number(new URL(suite.workerUrl).port));
      await use(relay);
      await relay.close();
    },
    { scope: 'worker' },
  ],
  alice: [
    async ({ people, aliceRelay }, use) => {
      const alice = await people.launch('alice', 'profile-alice');
      // The worker address is the storage key the options page edits.
      await alice.serviceWorker.evaluate(
        `chrome.storage.local.set({ apiBaseUrl: ${JSON.stringify(aliceRelay.url)} })`,
      );
      await use(alice);
      await alice.context.close();
    },
    { scope: 'worker' },
  ],
  bob: person('bob'),
  carol: person('carol'),

  site: async ({ suite }, use) => use(suite.site),
  newcomer: async ({ people }, use, testInfo) => {
    const newcomer = await people.launch('newcomer', `profile-newcomer-${testInfo.testId}`);
    await use(newcomer);
    await newcomer.context.close();
  },
  extensionConsole: [
    async ({ people }, use) => {
      for (const person of people.all) {
        person.errors.length = 0;
        person.allowNetworkErrors = false;
      }
      await use(undefined);
      // Everyone launched so far, including those the test launched and closed (a newcomer).
      const errors = people.all.flatMap((person) => person.errors);
      expect(errors, "console errors in the extension's pages").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
