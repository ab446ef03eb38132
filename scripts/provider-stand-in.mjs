/**
 * A LOCAL STAND-IN, NOT THE REAL SERVICES: a small imitation of the video site's Login Kit v2 (authorize
 * page, token and user-info endpoints), of Facebook Login (dialog, token, Graph `/me` and `/me/friends`) and
 * of the HTTP email and SMS APIs the codes go through, so `npm start`, the end-to-end suite and the worker
 * tests can run the whole sign-in offline.
 *
 * It checks what the real ones check that matters to ClipDM (PKCE S256, single-use codes, the redirect URI)
 * and nothing else. Anyone who allows is whoever they type in. Test switches, by username on the site page:
 * `fail.token` / `slow.token` make the token endpoint fail / hang, `fail.info` / `slow.info` the user info.
 *
 * `createProviderStandIn()` returns a fetch handler (the worker tests use it as miniflare's outbound
 * service); run this file to serve it: `node scripts/provider-stand-in.mjs [port]` (default 8788).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const SLOW_MS = 3000;

const randomCode = () => randomBytes(24).toString('base64url');
const s256 = (verifier) => createHash('sha256').update(verifier).digest('base64url');
/** The same username is the same person every time, unless the page names another `open_id`. */
const openIdOf = (username) => `open_${createHash('sha256').update(username).digest('hex').slice(0, 20)}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const json = (body, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const redirect = (url) => new Response(null, { status: 302, headers: { location: url } });

function escapeHtml(value) {
  return String(value).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );
}

function page(title, body) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui;max-width:28rem;margin:3rem auto;padding:0 1rem}
.banner{background:#fff3cd;border:1px solid #e0c36b;padding:.5rem .75rem;border-radius:6px;font-size:14px}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem;font:inherit;box-sizing:border-box}
button{margin:1rem .5rem 0 0;padding:.5rem 1.25rem;font:inherit}</style></head>
<body><p class="banner">Local stand-in for development and tests — not the real service.</p>${body}</body></html>`;
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function hidden(params, names) {
  return names
    .map((n) => `<input type="hidden" name="${n}" value="${escapeHtml(params.get(n) ?? '')}">`)
    .join('');
}

function withQuery(base, params) {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

async function formOf(request) {
  return new URLSearchParams(await request.text());
}

function createSite() {
  const codes = new Map();
  const tokens = new Map();
  const authorizeFields = [
    'client_key',
    'redirect_uri',
    'state',
    'code_challenge',
    'code_challenge_method',
    'scope',
  ];

  return async function site(request, path) {
    const url = new URL(request.url);
    if (path === '/v2/auth/authorize/' && request.method === 'GET') {
      const q = url.searchParams;
      if (
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('redirect_uri')
      ) {
        return page(
          'Sign-in error',
          '<h1>Invalid request</h1><p>response_type, redirect_uri and S256 PKCE are required.</p>',
        );
      }
      return page(
        'Log in with the video site (stand-in)',
        `<h1>Log in with the video site</h1><p>An app wants your profile (${escapeHtml(q.get('scope') ?? '')}).</p>
<form method="post" action="../decide">${hidden(q, authorizeFields)}
<label for="username">Your username on the site</label><input id="username" name="username" value="${escapeHtml(q.get('username') ?? 'standin.person')}" required>
<label for="display_name">Display name</label><input id="display_name" name="display_name" value="">
<label for="open_id">open_id (leave empty: derived from the username)</label><input id="open_id" name="open_id" value="">
<button name="decision" value="allow">Allow</button><button name="decision" value="deny">Deny</button></form>`,
      );
    }
    if (path === '/v2/auth/decide' && request.method === 'POST') {
      const form = await formOf(request);
      const redirectUri = form.get('redirect_uri');
      const state = form.get('state') ?? '';
      if (!redirectUri) return json({ error: 'invalid_request' }, 400);
      if (form.get('decision') !== 'allow') {
        return redirect(
          withQuery(redirectUri, { error: 'access_denied', error_description: 'The user denied', state }),
        );
      }
      const username = (form.get('username') ?? '').trim();
      const code = randomCode();
      codes.set(code, {
        username,
        displayName: form.get('display_name') || username,
        openId: form.get('open_id') || openIdOf(username),
        challenge: form.get('code_challenge'),
        redirectUri,
        clientKey: form.get('client_key'),
      });
      return redirect(withQuery(redirectUri, { code, state }));
    }
    if (path === '/v2/oauth/token/' && request.method === 'POST') {
      const form = await formOf(request);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (grant?.username === 'fail.token') return json({ error: 'server_error' }, 500);
      if (grant?.username === 'slow.token') await sleep(SLOW_MS);
      const fault = !grant
        ? 'unknown or used code'
        : form.get('grant_type') !== 'authorization_code'
          ? 'grant_type'
          : form.get('redirect_uri') !== grant.redirectUri
            ? 'redirect_uri mismatch'
            : form.get('client_key') !== grant.clientKey
              ? 'client_key mismatch'
              : s256(form.get('code_verifier') ?? '') !== grant.challenge
                ? 'code_verifier does not match code_challenge'
                : null;
      if (fault) return json({ error: 'invalid_grant', error_description: fault, log_id: 'stand-in' }, 400);
      const accessToken = `act.${randomCode()}`;
      tokens.set(accessToken, grant);
      return json({
        access_token: accessToken,
        expires_in: 86400,
        open_id: grant.openId,
        refresh_token: `rft.${randomCode()}`,
        refresh_expires_in: 31536000,
        scope: 'user.info.basic,user.info.profile',
        token_type: 'Bearer',
      });
    }
    if (path === '/v2/user/info/' && request.method === 'GET') {
      const person = tokens.get((request.headers.get('authorization') ?? '').replace(/^Bearer /, ''));
      if (!person)
        return json(
          { data: {}, error: { code: 'access_token_invalid', message: '', log_id: 'stand-in' } },
          401,
        );
      if (person.username === 'fail.info') {
        return json(
          { data: {}, error: { code: 'internal_error', message: 'stand-in failure', log_id: 'stand-in' } },
          500,
        );
      }
      if (person.username === 'slow.info') await sleep(SLOW_MS);
      return json({
        data: {
          user: {
            open_id: person.openId,
            union_id: `union_${person.openId}`,
            avatar_url: '',
            display_name: person.displayName,
            username: person.username,
          },
        },
        error: { code: 'ok', message: '', log_id: 'stand-in' },
      });
    }
    return null;
  };
}

function createFacebook() {
  const codes = new Map();
  const tokens = new Map();
  // Friends lists as typed on the dialog; /me/friends shows only friends who also allowed the app.
  const people = new Map();

  return async function facebook(request, path) {
    const url = new URL(request.url);
    const q = url.searchParams;
    if (path === '/dialog/oauth' && request.method === 'GET') {
      if (!q.get('redirect_uri') || q.get('code_challenge_method') !== 'S256') {
        return page(
          'Facebook error',
          '<h1>Invalid request</h1><p>redirect_uri and S256 PKCE are required.</p>',
        );
      }
      return page(
        'Facebook Login (stand-in)',
        `<h1>Continue to the app with Facebook</h1>
<form method="post" action="decide">${hidden(q, ['client_id', 'redirect_uri', 'state', 'code_challenge'])}
<label for="fb_id">Your Facebook id</label><input id="fb_id" name="fb_id" value="${escapeHtml(q.get('fb_id') ?? '1000001')}" required>
<label for="friends">Friends' ids, comma-separated</label><input id="friends" name="friends" value="">
<button name="decision" value="allow">Continue</button><button name="decision" value="deny">Cancel</button></form>`,
      );
    }
    if (path === '/dialog/decide' && request.method === 'POST') {
      const form = await formOf(request);
      const redirectUri = form.get('redirect_uri');
      const state = form.get('state') ?? '';
      if (!redirectUri) return json({ error: { message: 'redirect_uri' } }, 400);
      if (form.get('decision') !== 'allow') {
        return redirect(
          withQuery(redirectUri, { error: 'access_denied', error_reason: 'user_denied', state }),
        );
      }
      const id = (form.get('fb_id') ?? '').trim();
      const friends = (form.get('friends') ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      const code = randomCode();
      codes.set(code, { id, friends, challenge: form.get('code_challenge'), redirectUri });
      return redirect(withQuery(redirectUri, { code, state }));
    }
    if (path === '/graph/oauth/access_token' && request.method === 'GET') {
      const grant = codes.get(q.get('code') ?? '');
      codes.delete(q.get('code') ?? '');
      if (
        !grant ||
        q.get('redirect_uri') !== grant.redirectUri ||
        s256(q.get('code_verifier') ?? '') !== grant.challenge
      ) {
        return json(
          { error: { message: 'Invalid verification code', type: 'OAuthException', code: 100 } },
          400,
        );
      }
      people.set(grant.id, grant.friends);
      const accessToken = `fb.${randomCode()}`;
      tokens.set(accessToken, grant.id);
      return json({ access_token: accessToken, token_type: 'bearer', expires_in: 5183944 });
    }
    const token =
      q.get('access_token') ?? (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
    const me = tokens.get(token);
    if (path === '/graph/me' || path === '/graph/me/friends') {
      if (!me)
        return json(
          { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } },
          400,
        );
      if (path === '/graph/me') return json({ id: me });
      // Friendship is mutual on Facebook: either side naming the other is enough here.
      const friends = [...people.keys()].filter(
        (other) =>
          other !== me && ((people.get(me) ?? []).includes(other) || (people.get(other) ?? []).includes(me)),
      );
      return json({
        data: friends.map((id) => ({ id, name: `Person ${id}` })),
        paging: {},
        summary: { total_count: friends.length },
      });
    }
    return null;
  };
}

/** The email (Resend-style JSON) and SMS (Vonage-style form) APIs; `GET /senders/sent?to=` lists what went. */
function createSenders() {
  const sent = [];
  return async function senders(request, path) {
    const url = new URL(request.url);
    if (path === '/email' && request.method === 'POST') {
      if (!(request.headers.get('authorization') ?? '').startsWith('Bearer '))
        return json({ message: 'no key' }, 401);
      const body = await request.json();
      sent.push({ channel: 'email', to: body.to, text: body.text });
      return json({ id: randomCode() });
    }
    if (path === '/sms' && request.method === 'POST') {
      const form = await formOf(request);
      if (!form.get('api_key')) return json({ messages: [{ status: '2', 'error-text': 'no key' }] });
      sent.push({ channel: 'sms', to: form.get('to'), text: form.get('text') });
      return json({ 'message-count': '1', messages: [{ status: '0', to: form.get('to') }] });
    }
    if (path === '/sent' && request.method === 'GET') {
      return json({ messages: sent.filter((m) => m.to === url.searchParams.get('to')) });
    }
    return null;
  };
}

/**
 * A fetch handler for all the stand-ins: the site under `/site/…`, Facebook's dialog under `/facebook/…` and
 * its Graph API under `/facebook/graph/…` (a version segment such as `/v21.0` is accepted and ignored), the
 * senders under `/senders/…`.
 * Anything else answers `null`, so the caller can pass it on.
 */
export function createProviderStandIn() {
  const site = createSite();
  const facebook = createFacebook();
  const senders = createSenders();
  return async function handle(request) {
    const path = new URL(request.url).pathname.replace(/\/v\d+\.\d+(?=\/)/, '');
    if (path.startsWith('/site/')) return site(request, path.slice('/site'.length));
    if (path.startsWith('/facebook/')) return facebook(request, path.slice('/facebook'.length));
    if (path.startsWith('/senders/')) return senders(request, path.slice('/senders'.length));
    return null;
  };
}

/** The `[vars]` that point the worker at a stand-in served from `base`. */
export function standInVars(base) {
  return {
    SITE_OAUTH_AUTHORIZE_URL: `${base}/site/v2/auth/authorize/`,
    SITE_OAUTH_TOKEN_URL: `${base}/site/v2/oauth/token/`,
    SITE_USERINFO_URL: `${base}/site/v2/user/info/`,
    SITE_CLIENT_KEY: 'stand-in-client-key',
    SITE_CLIENT_SECRET: 'stand-in-client-secret',
    FACEBOOK_OAUTH_URL: `${base}/facebook/v21.0/dialog/oauth`,
    FACEBOOK_GRAPH_URL: `${base}/facebook/graph/v21.0`,
    FACEBOOK_APP_ID: 'stand-in-app-id',
    FACEBOOK_APP_SECRET: 'stand-in-app-secret',
  };
}

/** Serves the stand-in on 127.0.0.1:`port`; resolves to the server once it listens. */
export function serveProviderStandIn(port) {
  const handle = createProviderStandIn();
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    const response = (await handle(request)) ?? new Response('Not found', { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8788);
  await serveProviderStandIn(port);
  console.log(`Provider stand-in (not the real services) on http://127.0.0.1:${port}`);
}
