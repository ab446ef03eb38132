import { z } from 'zod';
import type { oauthStates } from '../../db/schema.ts';
import type { Db, Env } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { logEvent } from '../../lib/log.ts';
import { parkLink, takeParkedLink } from '../identity/pending-links.ts';
import { ProviderError } from '../identity/provider-fetch.ts';
import type { Fragment } from '../identity/service.ts';
import { fetchFacebookFriends } from './graph-client.ts';
import { keyFacebookIds, linkFacebook } from './queries.ts';

type Flow = typeof oauthStates.$inferSelect;

/** Ends a Facebook flow whose `state` checked out: reads the id and friends, keyed, and parks them. */
export async function completeFacebookFlow(
  db: Db,
  env: Env,
  flow: Flow,
  callback: { code?: string; error?: string; redirectUri: string },
): Promise<Fragment> {
  if (!flow.linkUserId) return { error: 'invalid_link' };
  if (callback.error || !callback.code) {
    return { error: callback.error === 'access_denied' ? 'access_denied' : 'provider_error' };
  }
  let found: { id: string; friendIds: string[] };
  try {
    found = await fetchFacebookFriends(env, {
      code: callback.code,
      codeVerifier: flow.codeVerifier,
      redirectUri: callback.redirectUri,
    });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    logEvent('warn', { event: 'facebook_link_failed', code: error.code, detail: error.message });
    return { error: error.code };
  }
  const [keyedId, ...keyedFriends] = await keyFacebookIds(env.CONTACTS_PEPPER, [
    found.id,
    ...found.friendIds,
  ]);
  // Parked until the ticket holder confirms it (see `identity/pending-links.ts` for why).
  return { link_code: await parkLink(db, 'facebook', flow.linkUserId, { keyedId, keyedFriends }) };
}

const parkedFriends = z.object({ keyedId: z.string(), keyedFriends: z.array(z.string()) });

/** `POST /v1/me/facebook-link/confirm`: keeps the parked Facebook id and friends of `code` for the caller. */
export async function confirmFacebookLink(db: Db, userId: string, code: string) {
  const parsed = parkedFriends.safeParse(await takeParkedLink(db, 'facebook', code, userId));
  if (!parsed.success) {
    throw new ApiError('invalid_request', 'This link code is unknown, used, expired or not yours', {
      details: { issues: [{ path: 'code', message: 'unknown, used, expired or not yours' }] },
    });
  }
  await linkFacebook(db, userId, parsed.data.keyedId, parsed.data.keyedFriends);
}
