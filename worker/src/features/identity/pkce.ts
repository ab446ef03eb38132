/**
 * The random values and PKCE challenge (RFC 7636, S256) of the provider flows. Hand-written on purpose:
 * arctic's TikTok provider hard-codes the site's endpoints (tests and `npm start` point them at a stand-in)
 * and its generic client sends `client_id` where Login Kit wants `client_key`; oauth4webapi's grant helpers
 * assume a standard server too. What remains is two WebCrypto calls, not worth a dependency.
 */

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as 43 URL-safe characters: a state, a code verifier or a one-time code. */
export function randomUrlSafe(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
