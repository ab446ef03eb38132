import type { Env } from '../env.ts';
import { logEvent } from '../lib/log.ts';
import type { WaitUntil } from './publish.ts';

/**
 * Closes the live sockets of ended logins: those of `loginIds` (a logout, a reused refresh token), or all
 * of the user's (account deleted or suspended). Runs in `waitUntil`, right after the login ended in D1,
 * so the sockets close within a second without holding up the response; a hub that fails is logged.
 */
export function closeLiveSockets(
  env: Env,
  executionCtx: WaitUntil,
  userId: string,
  loginIds?: string[],
): void {
  const hub = env.USER_HUB.get(env.USER_HUB.idFromName(userId));
  executionCtx.waitUntil(
    hub
      .signOut(loginIds)
      .catch((error: unknown) => logEvent('warn', { msg: 'sign-out failed', userId, error: String(error) })),
  );
}
