import { originAllowed } from '../../lib/cors.ts';

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);
// Chromium's `identity.launchWebAuthFlow` ends on https://<extension id>.chromiumapp.org/; ids are 32 of a–p.
const CHROMIUM_APP = /^([a-p]{32})\.chromiumapp\.org$/;

/**
 * True when a provider flow may end on `value`: a page of an extension origin listed in `ALLOWED_ORIGINS`,
 * or the `chromiumapp.org` address of such an extension. Web pages never qualify (even allowed CORS
 * origins), so a one-time code is never handed to a site.
 */
export function isAllowedReturn(value: string, allowedOrigins: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  // An extension URL's `origin` is the opaque "null" by the URL standard, so it is put together by hand.
  if (EXTENSION_SCHEMES.has(url.protocol))
    return originAllowed(`${url.protocol}//${url.host}`, allowedOrigins);
  const app = CHROMIUM_APP.exec(url.hostname);
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    app !== null &&
    originAllowed(`chrome-extension://${app[1]}`, allowedOrigins)
  );
}

/** `returnUrl` with its fragment replaced by `params` (`…#code=…` or `…#error=…`). */
export function withFragment(returnUrl: string, params: Record<string, string>): string {
  const url = new URL(returnUrl);
  url.hash = new URLSearchParams(params).toString();
  return url.toString();
}
