import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { type Provider, spendLinkTicket, startFlow, takeFlow } from './flow-queries.ts';
import { s256Challenge } from './pkce.ts';
import { isAllowedReturn, withFragment } from './return-url.ts';

/** The halves of `start` and `callback` that the site's and Facebook's flows share. */

/** The `redirect_uri` the provider sends the browser back to: this worker's own callback route. */
export function callbackUrl(c: Context<AppEnv>, provider: Provider): string {
  return new URL(`/v1/auth/${provider}/callback`, c.req.url).toString();
}

/**
 * The shared first half of `start`: checks the return page, spends a link ticket, and opens the flow.
 * A bad ticket sends the browser back at once with `#error=invalid_link`.
 */
export async function openFlow(
  c: Context<AppEnv>,
  provider: Provider,
  query: { return: string; link?: string | undefined },
) {
  if (!isAllowedReturn(query.return, c.env.ALLOWED_ORIGINS)) {
    throw new ApiError('invalid_request', 'The return page is not an allowed extension page', {
      details: { issues: [{ path: 'return', message: 'not an allowed extension page' }] },
    });
  }
  const db = c.get('db');
  let linkUserId: string | null = null;
  if (query.link) {
    linkUserId = await spendLinkTicket(db, provider, query.link);
    if (!linkUserId)
      return { ok: false as const, redirect: withFragment(query.return, { error: 'invalid_link' }) };
  }
  const flow = await startFlow(db, { provider, returnUrl: query.return, linkUserId });
  return { ok: true as const, ...flow, codeChallenge: await s256Challenge(flow.codeVerifier) };
}

/** The shared first half of `callback`: the flow of `state`, or where to send a stale one. */
export async function resumeFlow(c: Context<AppEnv>, provider: Provider, state: string | undefined) {
  const taken = state ? await takeFlow(c.get('db'), provider, state) : { status: 'unknown' as const };
  if (taken.status === 'unknown') {
    throw new ApiError('invalid_request', 'Unknown sign-in state', {
      details: { issues: [{ path: 'state', message: 'unknown' }] },
    });
  }
  return taken;
}
