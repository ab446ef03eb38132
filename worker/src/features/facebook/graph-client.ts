import { z } from 'zod';
import type { Env } from '../../env.ts';
import { fetchProviderJson, providerTimeout } from '../identity/provider-fetch.ts';

/** Facebook Login and the two Graph reads ClipDM needs, at the URLs of `[vars]`. */

const MAX_FRIEND_PAGES = 10;

export function facebookDialogUrl(
  env: Env,
  params: { redirectUri: string; state: string; codeChallenge: string },
) {
  const url = new URL(env.FACEBOOK_OAUTH_URL);
  url.search = new URLSearchParams({
    client_id: env.FACEBOOK_APP_ID,
    redirect_uri: params.redirectUri,
    state: params.state,
    response_type: 'code',
    scope: 'user_friends',
    code_challenge: params.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

const tokenAnswer = z.object({ access_token: z.string().min(1) });
const meAnswer = z.object({ id: z.string().min(1).max(64) });
const friendsAnswer = z.object({
  data: z.array(z.object({ id: z.string().min(1).max(64) })),
  paging: z.object({ next: z.string().optional() }).optional(),
});

/**
 * Trades the code for the person's app-scoped id and the ids of their friends who also use the app. The
 * access token lives only in this call.
 */
export async function fetchFacebookFriends(
  env: Env,
  params: { code: string; codeVerifier: string; redirectUri: string },
): Promise<{ id: string; friendIds: string[] }> {
  const timeout = providerTimeout(env.PROVIDER_TIMEOUT_MS);
  const tokenUrl = new URL(`${env.FACEBOOK_GRAPH_URL}/oauth/access_token`);
  tokenUrl.search = new URLSearchParams({
    client_id: env.FACEBOOK_APP_ID,
    client_secret: env.FACEBOOK_APP_SECRET ?? '',
    redirect_uri: params.redirectUri,
    code: params.code,
    code_verifier: params.codeVerifier,
  }).toString();
  const token = await fetchProviderJson(tokenUrl.toString(), {}, tokenAnswer, timeout);
  const auth = { headers: { authorization: `Bearer ${token.access_token}` } };
  const me = await fetchProviderJson(`${env.FACEBOOK_GRAPH_URL}/me?fields=id`, auth, meAnswer, timeout);

  const friendIds: string[] = [];
  const graphOrigin = new URL(env.FACEBOOK_GRAPH_URL).origin;
  let next: string | undefined = `${env.FACEBOOK_GRAPH_URL}/me/friends?limit=500`;
  for (let page = 0; next && page < MAX_FRIEND_PAGES; page++) {
    const answer: z.infer<typeof friendsAnswer> = await fetchProviderJson(next, auth, friendsAnswer, timeout);
    friendIds.push(...answer.data.map((f) => f.id));
    // Follow only Graph's own paging links, never a URL that points elsewhere.
    next = answer.paging?.next?.startsWith(`${graphOrigin}/`) ? answer.paging.next : undefined;
  }
  return { id: me.id, friendIds };
}
