import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { generateDocument } from '../src/features/openapi/generate.ts';
import { HTTP_METHODS } from './documented-operations.ts';
import { call } from './helpers.ts';

type Document = Awaited<ReturnType<typeof generateDocument>>;
type Operation = NonNullable<Document['paths'][string]['get']>;

function operationsOf(document: Document): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [[`${method.toUpperCase()} ${path}`, operation] as [string, Operation]] : [];
    }),
  );
}

function errorStatuses(operation: Operation): string[] {
  return Object.keys(operation.responses ?? {}).filter((status) => Number(status) >= 400);
}

describe('the OpenAPI document', () => {
  it('describes every route of the app, and nothing else', async () => {
    const document = await generateDocument(app);
    const routes = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(operationsOf(document).map(([key]) => key));
    expect(
      [...routes].filter((route) => !documented.has(route)),
      'routes without a description',
    ).toEqual([]);
    expect(
      [...documented].filter((key) => !routes.has(key)),
      'described but not routed',
    ).toEqual([]);
  });

  it('gives every operation a summary, a success response with its schema and its real errors', async () => {
    for (const [key, operation] of operationsOf(await generateDocument(app))) {
      expect(operation.summary, key).toBeTruthy();
      const responses = operation.responses ?? {};
      const successes = Object.entries(responses).filter(([status]) => Number(status) < 400);
      expect(successes.length, key).toBeGreaterThan(0);
      for (const [status, response] of successes) {
        const content = 'content' in response ? response.content : undefined;
        // No body: 202 and 204, the WebSocket upgrade (101), and the provider flows' redirects (302).
        if (['202', '204', '101', '302'].includes(status))
          expect(content, `${key} ${status}`).toBeUndefined();
        else expect(content?.['application/json']?.schema, `${key} ${status}`).toBeDefined();
      }
      const errors = errorStatuses(operation);
      for (const status of errors) {
        expect(responses[status], `${key} ${status}`).toHaveProperty('$ref');
      }
      if ((operation.security ?? []).length > 0) expect(errors, key).toContain('401');
      if (operation.requestBody) expect(errors, key).toEqual(expect.arrayContaining(['400', '413']));
      if ((operation.parameters ?? []).length > 0) expect(errors, key).toContain('400');
    }
  });

  it('is served at /v1/openapi.json and kept as shared/openapi.json (npm run api:generate)', async () => {
    const res = await call('/v1/openapi.json');
    expect(res.status).toBe(200);
    const served = await res.json();
    expect(served).toEqual(JSON.parse(JSON.stringify(await generateDocument(app))));
    await expect(`${JSON.stringify(served, null, 2)}\n`).toMatchFileSnapshot('../../shared/openapi.json');
  });
});
