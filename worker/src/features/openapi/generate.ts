import type { Hono, Schema } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { AppEnv } from '../../env.ts';
import { specOptions } from './spec-options.ts';

/** The OpenAPI document of an app, generated from what its routes declare (`documentRoute`, `validate`). */
export function generateDocument<S extends Schema, P extends string>(app: Hono<AppEnv, S, P>) {
  return generateSpecs(app, specOptions);
}
