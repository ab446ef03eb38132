import type { oauthStates } from '../../db/schema.ts';
import type { Db, Env } from '../../env.ts';
import { logEvent } from '../../lib/log.ts';
import { ProviderError } from '../identity/provider-fetch.ts';
import type { Fragment } from '../identity/service.ts';
import { fetchFacebookFriends } from './graph-client.ts';
import { keyFacebookIds, linkFacebook } from './queries.ts';

type Flow = typeof oauthStates.$inferSelect;

/** Ends a Facebook flow whose `state` checked out: reads the id and friends, and keeps them keyed. */
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
  await linkFacebook(db, flow.linkUserId, keyedId as string, keyedFriends);
  return { linked: 'facebook' };
}
