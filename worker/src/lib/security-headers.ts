import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.ts';

/**
 * Exactly the headers of API.md ("Text and headers") on every response, through hono's `secureHeaders`:
 * nosniff, no referrer, no framing (both the old header and CSP's `frame-ancestors`), nothing loadable from
 * an API response (`default-src 'none'`), HSTS for a year. hono's other defaults (COOP, CORP, …) are left
 * off: they say nothing to an API's clients, and CORP would get in the way of the extension's fetches.
 */
const secure = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginEmbedderPolicy: false,
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * The security headers, and `Cache-Control: no-store` on everything: nearly every answer is private to
 * its caller (and sign-ins carry tokens), and the few public ones are cheap. A WebSocket upgrade (101)
 * is the hub's own response, whose headers cannot change; it carries no body to protect.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.res.status === 101) return;
  await secure(c, async () => {});
  c.res.headers.set('Cache-Control', 'no-store');
};
