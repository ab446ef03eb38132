import type { Identifier, IdentifierKind, Me, SiteExchangeResult } from '@clipdm/shared';
import { getApiBaseUrl } from './base-url.ts';
import { type CallInit, send } from './http.ts';
import { authed, saveAuth } from './session.ts';

/**
 * Calls for signing in with the video site, verified identifiers and Facebook, typed by the shared response
 * schemas. They were written before these routes were in the generated client (`schema.gen.d.ts`); now that
 * the worker's document describes them, they can move into `client.ts` on `worker`. Views and tests use
 * this object (tests spy on its methods).
 */

function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) {
  return async (init: CallInit) => {
    const headers: Record<string, string> = { ...init.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await globalThis.fetch(`${init.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: init.signal,
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return response.ok ? { data: parsed as T, response } : { error: parsed, response };
  };
}

export const identityApi = {
  /** Where the browser starts the site's sign-in (or, with `link`, links it to the signed-in account). */
  async siteStartUrl(returnUrl: string, link?: string): Promise<string> {
    const query = new URLSearchParams({ return: returnUrl, ...(link ? { link } : {}) });
    return `${await getApiBaseUrl()}/v1/auth/site/start?${query}`;
  },
  /** Where the browser starts linking Facebook. */
  async facebookStartUrl(returnUrl: string, link: string): Promise<string> {
    return `${await getApiBaseUrl()}/v1/auth/facebook/start?${new URLSearchParams({ return: returnUrl, link })}`;
  },
  /** Trades the one-time code for a session (stored, as after a password sign-in). */
  async exchangeSiteCode(code: string, birthdate?: string) {
    const result = await send(
      call<SiteExchangeResult>('POST', '/v1/auth/site/exchange', {
        code,
        ...(birthdate ? { birthdate } : {}),
      }),
    );
    return { me: (await saveAuth(result)).me, created: result.created };
  },
  siteLinkTicket: async () => (await authed(call<{ ticket: string }>('POST', '/v1/me/site-link'))).ticket,
  /** Makes the link a flow parked under `#link_code=` (only the account that asked for it can). */
  confirmSiteLink: (code: string) => authed(call<Me>('POST', '/v1/me/site-link/confirm', { code })),
  confirmFacebookLink: (code: string) =>
    authed(call<{ linked: boolean }>('POST', '/v1/me/facebook-link/confirm', { code })),
  facebookLinkTicket: async () =>
    (await authed(call<{ ticket: string }>('POST', '/v1/me/facebook-link'))).ticket,
  facebookLinked: async () => (await authed(call<{ linked: boolean }>('GET', '/v1/me/facebook-link'))).linked,
  unlinkFacebook: () => authed(call<undefined>('DELETE', '/v1/me/facebook-link')),
  identifiers: async () =>
    (await authed(call<{ identifiers: Identifier[] }>('GET', '/v1/me/identifiers'))).identifiers,
  sendIdentifierCode: (kind: IdentifierKind, value: string) =>
    authed(call<undefined>('POST', '/v1/me/identifiers', { kind, value })),
  confirmIdentifier: (kind: IdentifierKind, value: string, code: string) =>
    authed(call<Identifier>('POST', '/v1/me/identifiers/confirm', { kind, value, code })),
  removeIdentifier: (id: string) =>
    authed(call<undefined>('DELETE', `/v1/me/identifiers/${encodeURIComponent(id)}`)),
};
