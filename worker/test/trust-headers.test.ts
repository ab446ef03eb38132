import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, signUp } from './helpers.ts';

/** Issue 11, door 8: security headers on every response, no-store when authenticated, CORS from the list only. */

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

function expectSecurityHeaders(res: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(res.headers.get(name), name).toBe(value);
}

describe('security headers', () => {
  it('are on public, error, not-found and authenticated responses', async () => {
    const user = await signUp('headers');
    const responses = [
      await call('/v1/health'),
      await call('/v1/me'),
      await call('/v1/nowhere'),
      await call('/v1/auth/login', { body: { handle: 'x', password: 'y' } }),
      await user.api('/v1/me'),
      await user.api('/v1/conversations'),
    ];
    for (const res of responses) expectSecurityHeaders(res);
  });

  it('authenticated responses are never cached', async () => {
    const user = await signUp('nostore');
    for (const path of ['/v1/me', '/v1/me/settings', '/v1/conversations', '/v1/me/unread']) {
      expect((await user.api(path)).headers.get('cache-control'), path).toBe('no-store');
    }
    expect(
      (await call('/v1/auth/login', { body: { handle: user.handle, password: user.password } })).headers.get(
        'cache-control',
      ),
    ).toBe('no-store');
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    call('/v1/me', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });

  it("answers the extension's own id", async () => {
    const ours = env.ALLOWED_ORIGINS.split(',').find((o) => o.startsWith('chrome-extension://'));
    expect(ours).toMatch(/^chrome-extension:\/\/[a-p]{32}$/);
    expect((await preflight(ours as string)).headers.get('access-control-allow-origin')).toBe(ours);
  });

  it('does not echo any other extension id', async () => {
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://0b1e6b5a-1f0e-4e1e-9c59-0d9e8a4f7c11',
      'https://evil.example',
    ]) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(
        (await call('/v1/health', { headers: { origin } })).headers.get('access-control-allow-origin'),
      ).toBeNull();
    }
  });
});
