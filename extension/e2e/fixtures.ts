import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { Accounts } from './harness/accounts.ts';
import { Api } from './harness/api.ts';
import { launchPerson, type Person } from './harness/browser.ts';
import { type OutageProxy, startOutageProxy } from './harness/outage-proxy.ts';
import { readSuiteEnv, type SuiteEnv } from './harness/suite-env.ts';

/** Every browser this test worker launched, so each test can check all of their consoles. */
class Browsers {
  readonly #suite: SuiteEnv;
  readonly all: Person[] = [];

  constructor(suite: SuiteEnv) {
    this.#suite = suite;
  }

  /** Launches `name` in the profile folder `profile` of this run (created on first use). */
  async launch(name: string, profile: string): Promise<Person> {
    const person = await launchPerson({
      name,
      chromiumPath: this.#suite.chromiumPath,
      extensionDir: this.#suite.extensionDir,
      profileDir: join(this.#suite.tempDir, profile),
    });
    this.all.push(person);
    return person;
  }
}

interface WorkerFixtures {
  suite: SuiteEnv;
  /** Direct calls to the run's worker, to arrange what a test needs and check what the API holds. */
  api: Api;
  accounts: Accounts;
  browsers: Browsers;
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
  (fixtures: { browsers: Browsers }, use: (person: Person) => Promise<void>) => Promise<void>,
  { scope: 'worker' },
] {
  return [
    async ({ browsers }, use) => {
      const launched = await browsers.launch(name, `profile-${name}`);
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
  browsers: [async ({ suite }, use) => use(new Browsers(suite)), { scope: 'worker' }],
  aliceRelay: [
    async ({ suite }, use) => {
      const relay = await startOutageProxy(Number(new URL(suite.workerUrl).port));
      await use(relay);
      await relay.close();
    },
    { scope: 'worker' },
  ],
  alice: [
    async ({ browsers, aliceRelay }, use) => {
      const alice = await browsers.launch('alice', 'profile-alice');
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
  newcomer: async ({ browsers }, use, testInfo) => {
    const newcomer = await browsers.launch('newcomer', `profile-newcomer-${testInfo.testId}`);
    await use(newcomer);
    await newcomer.context.close();
  },
  extensionConsole: [
    async ({ browsers }, use) => {
      const people = () => browsers.all;
      for (const person of people()) {
        person.errors.length = 0;
        person.allowNetworkErrors = false;
      }
      await use(undefined);
      const errors = people().flatMap((person) => person.errors);
      expect(errors, "console errors in the extension's pages").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
