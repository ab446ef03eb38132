import { join } from 'node:path';
import { launchPerson, type Person } from './person.ts';
import type { SuiteEnv } from './suite-env.ts';

/** Everyone this test worker launched, so each test can check all of their consoles. */
export class People {
  readonly #suite: SuiteEnv;
  readonly all: Person[] = [];
  /** How each person was launched, so a restart opens the same profile folder in the same language. */
  readonly #launches = new Map<Person, { profile: string; lang: string | undefined }>();

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
    this.#launches.set(person, { profile, lang });
    return person;
  }

  /**
   * A browser restart: closes `person`'s browser (every page and the service worker end, as when the user
   * quits) and launches it again on the same profile folder, whose extension storage the new one reads.
   */
  async restart(person: Person): Promise<Person> {
    const launch = this.#launches.get(person);
    if (!launch) throw new Error(`${person.name} was not launched through People`);
    await person.context.close();
    return this.launch(person.name, launch.profile, launch.lang);
  }
}
