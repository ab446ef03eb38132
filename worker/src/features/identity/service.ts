import { ageGroupOf, defaultPolicy, handleSchema } from '@clipdm/shared';
import { z } from 'zod';
import type { oauthStates } from '../../db/schema.ts';
import type { Db, Env } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { logEvent } from '../../lib/log.ts';
import { getUserById, type UserRow } from '../account/queries.ts';
import { parkLink, takeParkedLink } from './pending-links.ts';
import { ProviderError } from './provider-fetch.ts';
import { allowOneMoreTry, issueSignInCode, spendSignInCode } from './sign-in-codes.ts';
import { bindSiteAccount, createSiteUser, findSiteAccount } from './site-accounts.ts';
import { fetchSiteProfile, type SiteProfile } from './site-client.ts';

type Flow = typeof oauthStates.$inferSelect;

/** What the callback puts in the return page's fragment: `code`, `link_code` or `error`. */
export type Fragment = Record<string, string>;

/** Provider errors the extension may be told as they are; anything else is `provider_error`. */
const PASSED_ON_ERRORS = new Set(['access_denied']);

/**
 * Ends a site flow whose `state` checked out: trades the code for the person's profile (the site's access
 * token goes out of scope here, unstored), then hands out a one-time sign-in code, or, for a link flow, a
 * one-time link code that the account that started the flow confirms.
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
  if (flow.linkUserId) return parkSiteLink(db, flow.linkUserId, profile);
  return { code: await issueSignInCode(db, profile) };
}

/** Why `profile` cannot be linked to `userId`, or null when it can. */
async function linkProblem(db: Db, userId: string, profile: SiteProfile): Promise<string | null> {
  const [holder, user] = await Promise.all([findSiteAccount(db, profile.openId), getUserById(db, userId)]);
  if (!user) return 'invalid_state';
  if (holder && holder.id !== userId) return 'already_linked';
  if (user.siteOpenId && user.siteOpenId !== profile.openId) return 'already_linked';
  return null;
}

/** A link flow: checked now, parked for the ticket holder to confirm (see `pending-links.ts`). */
async function parkSiteLink(db: Db, userId: string, profile: SiteProfile): Promise<Fragment> {
  const problem = await linkProblem(db, userId, profile);
  if (problem) return { error: problem };
  return { link_code: await parkLink(db, 'site', userId, profile) };
}

const parkedProfile = z.object({
  openId: z.string(),
  username: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
});

/**
 * `POST /v1/me/site-link/confirm`: makes the parked link of `code` for the caller. The handle becomes the
 * site's username (taken from whoever else holds it) and the account is verified.
 */
export async function confirmSiteLink(db: Db, userId: string, code: string): Promise<UserRow> {
  const parsed = parkedProfile.safeParse(await takeParkedLink(db, 'site', code, userId));
  if (!parsed.success) {
    throw new ApiError('invalid_request', 'This link code is unknown, used, expired or not yours', {
      details: { issues: [{ path: 'code', message: 'unknown, used, expired or not yours' }] },
    });
  }
  const problem = await linkProblem(db, userId, parsed.data);
  if (problem) throw alreadyLinked();
  try {
    return await bindSiteAccount(db, userId, parsed.data);
  } catch (error) {
    // Another account linked the same site account a moment earlier: the unique index said no.
    if (String((error as { cause?: unknown })?.cause ?? error).includes('UNIQUE')) throw alreadyLinked();
    throw error;
  }
}

function alreadyLinked() {
  return new ApiError('invalid_request', 'That site account is linked to another ClipDM account', {
    details: { reason: 'already_linked' },
  });
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
