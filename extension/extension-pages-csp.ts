/**
 * The Content-Security-Policy of the extension's own pages (side panel / sidebar, options). Nothing but the
 * bundle runs, styles come from the bundle's files, and the pages talk only to the worker: an injected
 * string can neither run script nor send what it read anywhere else. Images may come from any https host,
 * since avatars and video thumbnails are served by the video site's CDNs. A server address outside these
 * origins (chosen in the sign-in form) is refused by this policy, as it already is by `host_permissions`.
 */
export function extensionPagesCsp(options: { apiBaseUrl: string | undefined; devServer: boolean }): string {
  const local = ['http://127.0.0.1:*', 'http://localhost:*', 'ws://127.0.0.1:*', 'ws://localhost:*'];
  const api = options.apiBaseUrl ? new URL(options.apiBaseUrl) : undefined;
  const remote =
    api && !['127.0.0.1', 'localhost'].includes(api.hostname)
      ? [api.origin, `${api.protocol === 'https:' ? 'wss' : 'ws'}://${api.host}`]
      : [];
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Vite's dev server injects CSS as <style> elements; a build links files only.
    options.devServer ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: https: http://127.0.0.1:* http://localhost:*",
    "font-src 'self'",
    `connect-src 'self' ${[...local, ...remote].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
