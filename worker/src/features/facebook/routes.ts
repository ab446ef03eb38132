import { linkConfirmBody, oauthCallbackQuery, oauthStartQuery } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { requireAuth } from '../../lib/require-auth.ts';
import { validate } from '../../lib/validate.ts';
import { callbackUrl, openFlow, resumeFlow } from '../identity/flow.ts';
import { issueLinkTicket } from '../identity/flow-queries.ts';
import { withFragment } from '../identity/return-url.ts';
import { facebookDialogUrl } from './graph-client.ts';
import { facebookLinked, unlinkFacebook } from './queries.ts';
import { completeFacebookFlow, confirmFacebookLink } from './service.ts';

/** `GET /v1/auth/facebook/start|callback`: Facebook Login, only ever to link a signed-in account. */
export const facebookAuthRoutes = new Hono<AppEnv>()
  .get('/start', validate('query', oauthStartQuery), async (c) => {
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
  })
  .get('/callback', validate('query', oauthCallbackQuery), async (c) => {
    const query = c.req.valid('query');
    const taken = await resumeFlow(c, 'facebook', query.state);
    if (taken.status === 'stale')
      return c.redirect(withFragment(taken.returnUrl, { error: 'invalid_state' }), 302);
    const fragment = await completeFacebookFlow(c.get('db'), c.env, taken.flow, {
      ...query,
      redirectUri: callbackUrl(c, 'facebook'),
    });
    return c.redirect(withFragment(taken.flow.returnUrl, fragment), 302);
  });

/** `/v1/me/facebook-link`: a ticket to link, confirming the flow's `link_code`, whether linked, and unlinking (which forgets the friends). */
export const facebookLinkRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .post('/facebook-link', async (c) => {
    return c.json({ ticket: await issueLinkTicket(c.get('db'), 'facebook', c.get('userId')) }, 200);
  })
  .post('/facebook-link/confirm', validate('json', linkConfirmBody), async (c) => {
    await confirmFacebookLink(c.get('db'), c.get('userId'), c.req.valid('json').code);
    return c.json({ linked: true }, 200);
  })
  .get('/facebook-link', async (c) => {
    return c.json({ linked: await facebookLinked(c.get('db'), c.get('userId')) }, 200);
  })
  .delete('/facebook-link', async (c) => {
    await unlinkFacebook(c.get('db'), c.get('userId'));
    return c.body(null, 204);
  });
