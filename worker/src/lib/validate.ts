import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiError } from './api-error.ts';

/**
 * `zValidator` whose failures become `400 invalid_request` with `details.issues` listing each field path
 * and reason. A body that is not JSON at all fails here too, as an empty object.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      }));
      throw new ApiError('invalid_request', 'The request is not valid', { details: { issues } });
    }
  });
}
