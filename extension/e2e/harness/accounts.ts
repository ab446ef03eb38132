import type { Api, Session } from './api.ts';

/** One password for every account the suite makes (the API wants 10+ characters). */
export const PASSWORD = 'correct horse battery';

/**
 * API sessions of the accounts the tests created, by handle. A test worker that Playwright restarted after
 * a failure has lost them, so an unknown handle is signed in again with the suite's password.
 */
export class Accounts {
  readonly #api: Api;
  readonly #known = new Map<string, Session>();

  constructor(api: Api) {
    this.#api = api;
  }

  remember(session: Session): Session {
    this.#known.set(session.handle, session);
    return session;
  }

  /** The session of `handle`; fails clearly when the earlier test that creates the account did not. */
  async session(handle: string): Promise<Session> {
    const known = this.#known.get(handle);
    if (known) return known;
    try {
      return this.remember(await this.#api.login(handle, PASSWORD));
    } catch {
      throw new Error(`No account @${handle}: the earlier test that creates it failed or did not run`);
    }
  }
}
