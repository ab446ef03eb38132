import { z } from 'zod';
import type { Env } from '../../env.ts';
import { fetchProviderJson, ProviderError, providerTimeout } from './provider-fetch.ts';

/** The video site's Login Kit v2, at the URLs of `[vars]` (API.md, "Sign in with the video site"). */

const SCOPES = 'user.info.basic,user.info.profile';

/** What the site says about the person; its access token is used once here and never stored. */
export interface SiteProfile {
  openId: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

export function siteAuthorizeUrl(
  env: Env,
  params: { redirectUri: string; state: string; codeChallenge: string },
) {
  const url = new URL(env.SITE_OAUTH_AUTHORIZE_URL);
  url.search = new URLSearchParams({
    client_key: env.SITE_CLIENT_KEY,
    scope: SCOPES,
    response_type: 'code',
    redirect_uri: params.redirectUri,
    state: params.state,
    code_challenge: params.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

const tokenResponse = z.object({ access_token: z.string().min(1), open_id: z.string().min(1) });

const userInfoResponse = z.object({
  data: z.object({
    user: z.object({
      open_id: z.string().min(1),
      username: z.string().min(1),
      display_name: z.string().optional(),
      avatar_url: z.string().optional(),
    }),
  }),
  error: z.object({ code: z.string() }),
});

/** Trades the authorization code (and the PKCE verifier) for the person's profile. */
export async function fetchSiteProfile(
  env: Env,
  params: { code: string; codeVerifier: string; redirectUri: string },
): Promise<SiteProfile> {
  const timeout = providerTimeout(env.PROVIDER_TIMEOUT_MS);
  const token = await fetchProviderJson(
    env.SITE_OAUTH_TOKEN_URL,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: env.SITE_CLIENT_KEY,
        client_secret: env.SITE_CLIENT_SECRET ?? '',
        code: params.code,
        grant_type: 'authorization_code',
        redirect_uri: params.redirectUri,
        code_verifier: params.codeVerifier,
      }),
    },
    tokenResponse,
    timeout,
  );
  const url = new URL(env.SITE_USERINFO_URL);
  url.searchParams.set('fields', 'open_id,union_id,avatar_url,display_name,username');
  const info = await fetchProviderJson(
    url.toString(),
    { headers: { authorization: `Bearer ${token.access_token}` } },
    userInfoResponse,
    timeout,
  );
  const user = info.data.user;
  if (info.error.code !== 'ok' || user.open_id !== token.open_id) {
    throw new ProviderError('provider_error', `user info: ${info.error.code}`);
  }
  const avatar = user.avatar_url?.startsWith('https://') ? user.avatar_url : null;
  return {
    openId: user.open_id,
    username: user.username.toLowerCase(),
    displayName: (user.display_name?.trim() || user.username).slice(0, 50),
    avatarUrl: avatar,
  };
}
