import { join } from 'node:path';
import { launchPerson, type Person } from './person.ts';
import type { SuiteEnv } from './suite-env.ts';

/** Everyone this test worker launched, so each test can check all of their consoles. */
export class People {
  readonly #suite: SuiteEnv;
  readonly all: Person[] = [];

  constructor(suite: SuiteEnv) {
    this.#suite = suite;
  }

  /** Launches `name` in the profile folder `profile` of this run (created on first use), in `lang`. */
  async launch(name: string, profile: string, lang?: string): Promise<Person> {
    const person = await launchPerson({
      name,
      lang,
      chromiumPath: this.#suite.chromiumPath,
      extensionDir: this.#suite.extensionDir,
      profileDir: join(this.#suite.tempDir, profile),
    });
    this.all.push(person);
    return person;
  }
}
