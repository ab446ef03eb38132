import { ageGroupOf, defaultPolicy, handleSchema } from '@clipdm/shared';
import type { oauthStates } from '../../db/schema.ts';
import type { Db, Env } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { logEvent } from '../../lib/log.ts';
import { getUserById, type UserRow } from '../account/queries.ts';
import { ProviderError } from './provider-fetch.ts';
import { allowOneMoreTry, issueSignInCode, spendSignInCode } from './sign-in-codes.ts';
import { bindSiteAccount, createSiteUser, findSiteAccount } from './site-accounts.ts';
import { fetchSiteProfile, type SiteProfile } from './site-client.ts';

type Flow = typeof oauthStates.$inferSelect;

/** What the callback puts in the return page's fragment: `code`, `linked` or `error`. */
export type Fragment = Record<string, string>;

/** Provider errors the extension may be told as they are; anything else is `provider_error`. */
const PASSED_ON_ERRORS = new Set(['access_denied']);

/**
 * Ends a site flow whose `state` checked out: trades the code for the person's profile (the site's access
 * token goes out of scope here, unstored), then either hands out a one-time sign-in code or links the site
 * account to the account that started the flow.
 */
export async function completeSiteFlow(
  db: Db,
  env: Env,
  flow: Flow,
  callback: { code?: string; error?: string; redirectUri: string },
): Promise<Fragment> {
  if (callback.error || !callback.code) {
    return {
      error: callback.error && PASSED_ON_ERRORS.has(callback.error) ? callback.error : 'provider_error',
    };
  }
  let profile: SiteProfile;
  try {
    profile = await fetchSiteProfile(env, {
      code: callback.code,
      codeVerifier: flow.codeVerifier,
      redirectUri: callback.redirectUri,
    });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    logEvent('warn', { event: 'site_sign_in_failed', code: error.code, detail: error.message });
    return { error: error.code };
  }
  if (!handleSchema.safeParse(profile.username).success) return { error: 'unsupported_username' };
  if (flow.linkUserId) return linkSiteAccount(db, flow.linkUserId, profile);
  return { code: await issueSignInCode(db, profile) };
}

async function linkSiteAccount(db: Db, userId: string, profile: SiteProfile): Promise<Fragment> {
  const [holder, user] = await Promise.all([findSiteAccount(db, profile.openId), getUserById(db, userId)]);
  if (!user) return { error: 'invalid_state' };
  if (holder && holder.id !== userId) return { error: 'already_linked' };
  if (user.siteOpenId && user.siteOpenId !== profile.openId) return { error: 'already_linked' };
  try {
    await bindSiteAccount(db, userId, profile);
  } catch (error) {
    // Another account linked the same site account a moment earlier: the unique index said no.
    if (String((error as { cause?: unknown })?.cause ?? error).includes('UNIQUE'))
      return { error: 'already_linked' };
    throw error;
  }
  return { linked: 'site' };
}

/**
 * `POST /v1/auth/site/exchange`: the account of the code's `open_id`, created on a first sign-in (which
 * needs the birthdate: without it the code gets one more try). A returning person's handle follows the
 * site's username.
 */
export async function signInWithCode(
  db: Db,
  body: { code: string; birthdate?: string | undefined },
): Promise<{ user: UserRow; created: boolean }> {
  const spent = await spendSignInCode(db, body.code);
  if (!spent) {
    throw new ApiError('invalid_request', 'This sign-in code is unknown, used or expired', {
      details: { issues: [{ path: 'code', message: 'unknown, used or expired' }] },
    });
  }
  const { profile } = spent;
  const existing = await findSiteAccount(db, profile.openId);
  if (existing) {
    const current = existing.handle === profile.username && existing.verified;
    return { user: current ? existing : await bindSiteAccount(db, existing.id, profile), created: false };
  }
  if (!body.birthdate) {
    await allowOneMoreTry(db, spent.codeHash);
    throw new ApiError('birthdate_required', 'Your birthdate is needed to create your account');
  }
  const group = ageGroupOf(body.birthdate);
  if (!group) throw new ApiError('age_restricted', 'You must be at least 13 to use ClipDM');
  const user = await createSiteUser(db, profile, {
    birthdate: body.birthdate,
    dmPolicy: defaultPolicy(group),
  });
  return { user, created: true };
}
