import type { AuthResult } from '@clipdm/shared';
import { type Session, sessionItem } from '../browser/storage-items.ts';
import { withLock } from '../browser/web-locks.ts';
import { ApiFailure, type CallInit, send, worker } from './http.ts';

/** Refresh a little before the token really expires, so a request never races the expiry. */
const EXPIRY_MARGIN_MS = 30_000;

/** Stores the tokens of a fresh sign-in, sign-up or refresh. */
export async function saveAuth(result: AuthResult): Promise<Session> {
  const session: Session = {
    me: result.user,
    accessToken: result.accessToken,
    refreshToken: result.refreshToken,
    accessExpiresAt: Date.now() + result.expiresIn * 1000,
  };
  await sessionItem.setValue(session);
  return session;
}

/**
 * Swaps the refresh token for a new pair. Refresh tokens rotate and a reused one revokes the login,
 * so this runs under a lock shared by all panels and the background, and skips the call when another
 * context already rotated the token we hold.
 */
export function refreshSession(spentToken: string): Promise<Session> {
  return withLock('clipdm-refresh', async () => {
    const current = await sessionItem.getValue();
    if (!current) throw new ApiFailure('signed_out', 'Signed out');
    if (current.refreshToken !== spentToken) return current;
    try {
      return await saveAuth(
        await send((init) =>
          worker.POST('/v1/auth/refresh', { ...init, body: { refreshToken: spentToken } }),
        ),
      );
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) {
        await sessionItem.setValue(null);
        throw new ApiFailure('signed_out', 'Signed out');
      }
      throw error;
    }
  });
}

async function freshSession(): Promise<Session> {
  const session = await sessionItem.getValue();
  if (!session) throw new ApiFailure('signed_out', 'Signed out');
  if (session.accessExpiresAt - EXPIRY_MARGIN_MS > Date.now()) return session;
  return refreshSession(session.refreshToken);
}

/**
 * A `worker` call with the access token; an expired token is refreshed once and the call repeated.
 * A second refusal signs out.
 */
export async function authed<T>(
  call: (init: CallInit) => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const session = await freshSession();
  try {
    return await send(call, session.accessToken);
  } catch (error) {
    if (!(error instanceof ApiFailure) || error.code !== 'unauthorized') throw error;
    const renewed = await refreshSession(session.refreshToken);
    try {
      return await send(call, renewed.accessToken);
    } catch (again) {
      if (again instanceof ApiFailure && again.code === 'unauthorized') {
        await sessionItem.setValue(null);
        throw new ApiFailure('signed_out', 'Signed out');
      }
      throw again;
    }
  }
}
