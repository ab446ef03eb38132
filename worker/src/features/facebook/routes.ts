import {
  facebookLinkSchema,
  linkConfirmBody,
  linkTicketSchema,
  oauthCallbackQuery,
  oauthStartQuery,
} from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { callbackUrl, openFlow, resumeFlow } from '../identity/flow.ts';
import { issueLinkTicket } from '../identity/flow-queries.ts';
import { withFragment } from '../identity/return-url.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { facebookDialogUrl } from './graph-client.ts';
import { facebookLinked, unlinkFacebook } from './queries.ts';
import { completeFacebookFlow, confirmFacebookLink } from './service.ts';

/** `GET /v1/auth/facebook/start|callback`: Facebook Login, only ever to link a signed-in account. */
export const facebookAuthRoutes = new Hono<AppEnv>()
  .get(
    '/start',
    documentRoute({
      tag: 'Contacts',
      summary: 'Start linking Facebook (needs `link`): 302 to the Facebook dialog',
      caller: 'anyone',
      success: { 302: noContent('To the dialog, or to the return page with #error=invalid_link') },
      errors: [400],
    }),
    validate('query', oauthStartQuery),
    async (c) => {
      const query = c.req.valid('query');
      if (!query.link) {
        throw new ApiError('invalid_request', 'Facebook is only linked to an account, never signed in with', {
          details: { issues: [{ path: 'link', message: 'required' }] },
        });
      }
      const opened = await openFlow(c, 'facebook', query);
      if (!opened.ok) return c.redirect(opened.redirect, 302);
      const url = facebookDialogUrl(c.env, {
        redirectUri: callbackUrl(c, 'facebook'),
        state: opened.state,
        codeChallenge: opened.codeChallenge,
      });
      return c.redirect(url, 302);
    },
  )
  .get(
    '/callback',
    documentRoute({
      tag: 'Contacts',
      summary: 'Facebook’s redirect_uri: 302 to the return page with #link_code= or #error=',
      caller: 'anyone',
      success: { 302: noContent('To the return page') },
      errors: [400],
    }),
    validate('query', oauthCallbackQuery),
    async (c) => {
      const query = c.req.valid('query');
      const taken = await resumeFlow(c, 'facebook', query.state);
      if (taken.status === 'stale')
        return c.redirect(withFragment(taken.returnUrl, { error: 'invalid_state' }), 302);
      const fragment = await completeFacebookFlow(c.get('db'), c.env, taken.flow, {
        ...query,
        redirectUri: callbackUrl(c, 'facebook'),
      });
      return c.redirect(withFragment(taken.flow.returnUrl, fragment), 302);
    },
  );

/** `/v1/me/facebook-link`: a ticket to link, confirming the flow's `link_code`, whether linked, and unlinking (which forgets the friends). */
export const facebookLinkRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .post(
    '/facebook-link',
    documentRoute({
      tag: 'Contacts',
      summary: 'A single-use ticket (5 minutes) to link Facebook',
      caller: 'user',
      success: { 200: json(linkTicketSchema, 'The ticket, for `start?link=`') },
      errors: [],
    }),
    async (c) => {
      return c.json({ ticket: await issueLinkTicket(c.get('db'), 'facebook', c.get('userId')) }, 200);
    },
  )
  .post(
    '/facebook-link/confirm',
    documentRoute({
      tag: 'Contacts',
      summary: 'Confirm the #link_code of a Facebook link flow: its friends become suggested friends',
      caller: 'user',
      success: { 200: json(facebookLinkSchema, 'Linked') },
      errors: [400, 413],
    }),
    validate('json', linkConfirmBody),
    async (c) => {
      await confirmFacebookLink(c.get('db'), c.get('userId'), c.req.valid('json').code);
      return c.json({ linked: true }, 200);
    },
  )
  .get(
    '/facebook-link',
    documentRoute({
      tag: 'Contacts',
      summary: 'Whether Facebook is linked',
      caller: 'user',
      success: { 200: json(facebookLinkSchema, 'Whether it is linked') },
      errors: [],
    }),
    async (c) => {
      return c.json({ linked: await facebookLinked(c.get('db'), c.get('userId')) }, 200);
    },
  )
  .delete(
    '/facebook-link',
    documentRoute({
      tag: 'Contacts',
      summary: 'Unlink Facebook and forget the friends it found',
      caller: 'user',
      success: { 204: noContent('Unlinked') },
      errors: [],
    }),
    async (c) => {
      await unlinkFacebook(c.get('db'), c.get('userId'));
      return c.body(null, 204);
    },
  );
