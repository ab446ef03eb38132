import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { buildOpenApiDocument } from './document.ts';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const openapi = new Hono<AppEnv>().get('/', (c) => {
  cached ??= buildOpenApiDocument();
  return c.json(cached, 200);
});
