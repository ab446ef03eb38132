import { describe, expect, it } from 'vitest';
import { call, expectError } from './helpers.ts';

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document generated from the request schemas', async () => {
    const res = await call('/v1/openapi.json');
    expect(res.status).toBe(200);
    type Schema = { $ref?: string; properties?: Record<string, unknown>; required?: string[] };
    const doc = await res.json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >;
      components: { schemas: Record<string, Schema> };
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const ref = doc.paths['/v1/auth/register']?.post?.requestBody?.content['application/json']?.schema.$ref;
    expect(ref).toBe('#/components/schemas/RegisterBody');
    const register = doc.components.schemas.RegisterBody;
    expect(Object.keys(register?.properties ?? {})).toEqual(
      expect.arrayContaining(['handle', 'password', 'birthdate', 'displayName']),
    );
    expect(register?.required).toEqual(expect.arrayContaining(['handle', 'password', 'birthdate']));
  });
});

describe('unknown routes and CORS', () => {
  it('answers 404 not_found in the contract shape', async () => {
    await expectError(await call('/v1/nothing-here'), 404, 'not_found');
    await expectError(await call('/'), 404, 'not_found');
  });

  it('puts a request id on every response', async () => {
    const res = await call('/v1/health');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-z]{26}$/);
  });

  it('allows the extension origin and refuses others', async () => {
    // The extension's own id, fixed by its manifest key (extension/manifest-key.ts).
    const ours = 'chrome-extension://hdjopaadfgnfifjlhcnhlmofjfbojmnc';
    const allowed = await call('/v1/health', { headers: { origin: ours } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ours);
    const refused = await call('/v1/health', { headers: { origin: 'https://evil.example' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
