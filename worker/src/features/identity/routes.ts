import {
  linkConfirmBody,
  linkTicketSchema,
  meSchema,
  oauthCallbackQuery,
  oauthStartQuery,
  siteExchangeBody,
  siteExchangeResultSchema,
} from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { toMe } from '../account/queries.ts';
import { startLogin } from '../auth/queries.ts';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from '../auth/tokens.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { callbackUrl, openFlow, resumeFlow } from './flow.ts';
import { issueLinkTicket } from './flow-queries.ts';
import { withFragment } from './return-url.ts';
import { completeSiteFlow, confirmSiteLink, signInWithCode } from './service.ts';
import { siteAuthorizeUrl } from './site-client.ts';

/** `GET /v1/auth/site/start|callback`, `POST /v1/auth/site/exchange` (API.md, "Sign in with the video site"). */
export const siteAuthRoutes = new Hono<AppEnv>()
  .get(
    '/start',
    documentRoute({
      tag: 'Sign in with the video site',
      summary: "Start signing in (or linking, with `link`): 302 to the site's authorize page",
      caller: 'anyone',
      success: { 302: noContent('To the authorize page, or to the return page with #error=invalid_link') },
      errors: [400],
    }),
    validate('query', oauthStartQuery),
    async (c) => {
      const opened = await openFlow(c, 'site', c.req.valid('query'));
      if (!opened.ok) return c.redirect(opened.redirect, 302);
      const url = siteAuthorizeUrl(c.env, {
        redirectUri: callbackUrl(c, 'site'),
        state: opened.state,
        codeChallenge: opened.codeChallenge,
      });
      return c.redirect(url, 302);
    },
  )
  .get(
    '/callback',
    documentRoute({
      tag: 'Sign in with the video site',
      summary: 'The redirect_uri: 302 to the return page with #code=, #link_code= or #error=',
      caller: 'anyone',
      success: { 302: noContent('To the return page') },
      errors: [400],
    }),
    validate('query', oauthCallbackQuery),
    async (c) => {
      const query = c.req.valid('query');
      const taken = await resumeFlow(c, 'site', query.state);
      if (taken.status === 'stale')
        return c.redirect(withFragment(taken.returnUrl, { error: 'invalid_state' }), 302);
      const fragment = await completeSiteFlow(c.get('db'), c.env, taken.flow, {
        ...query,
        redirectUri: callbackUrl(c, 'site'),
      });
      return c.redirect(withFragment(taken.flow.returnUrl, fragment), 302);
    },
  )
  .post(
    '/exchange',
    documentRoute({
      tag: 'Sign in with the video site',
      summary: 'Trade the one-time code (and, on a first sign-in, the birthdate) for tokens',
      caller: 'anyone',
      success: { 200: json(siteExchangeResultSchema, 'Signed in; `created` on a first sign-in') },
      errors: [400, 403, 413],
    }),
    validate('json', siteExchangeBody),
    async (c) => {
      const db = c.get('db');
      const { user, created } = await signInWithCode(db, c.req.valid('json'));
      const login = await startLogin(db, user.id);
      return c.json(
        {
          user: toMe(user),
          accessToken: await signAccessToken(c.env.JWT_SECRET, user.id, login.loginId),
          refreshToken: login.refreshToken,
          expiresIn: ACCESS_TOKEN_TTL_SECONDS,
          created,
        },
        200,
      );
    },
  );

/**
 * `POST /v1/me/site-link`: a ticket for `start?link=`; the flow ends with `#link_code=`, which
 * `POST /v1/me/site-link/confirm` turns into the link (answering the caller's `Me`).
 */
export const siteLinkRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .post(
    '/site-link',
    documentRoute({
      tag: 'Sign in with the video site',
      summary: 'A single-use ticket (5 minutes) to link your video-site account',
      caller: 'user',
      success: { 200: json(linkTicketSchema, 'The ticket, for `start?link=`') },
      errors: [],
    }),
    async (c) => {
      return c.json({ ticket: await issueLinkTicket(c.get('db'), 'site', c.get('userId')) }, 200);
    },
  )
  .post(
    '/site-link/confirm',
    documentRoute({
      tag: 'Sign in with the video site',
      summary: 'Confirm the #link_code of a link flow: the site account is linked to yours',
      caller: 'user',
      success: { 200: json(meSchema, "Your account, with the site's username as handle, verified") },
      errors: [400, 413],
    }),
    validate('json', linkConfirmBody),
    async (c) => {
      const user = await confirmSiteLink(c.get('db'), c.get('userId'), c.req.valid('json').code);
      return c.json(toMe(user), 200);
    },
  );
