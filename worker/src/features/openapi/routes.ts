import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env.ts';
import { documentRoute, json } from './describe.ts';
import { generateDocument } from './generate.ts';

const documentSchema = z
  .object({ openapi: z.string() })
  .catchall(z.unknown())
  .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document' });

type Document = Awaited<ReturnType<typeof generateDocument>>;

/**
 * `GET /v1/openapi.json`, generated once per isolate from the app it is mounted in (passed in before its
 * routes are added; it is read on the first request).
 */
export function openApiRoutes(app: Hono<AppEnv>) {
  let cached: Promise<Document> | undefined;
  return new Hono<AppEnv>().get(
    '/',
    documentRoute({
      tag: 'Platform',
      summary: 'This document',
      caller: 'anyone',
      success: { 200: json(documentSchema, 'The OpenAPI 3.1 document of the API') },
      errors: [],
    }),
    async (c) => {
      cached ??= generateDocument(app);
      return c.json(await cached, 200);
    },
  );
}
