import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import type { ZodType } from 'zod';
import { ApiError } from './api-error.ts';

interface Issue {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
}

function pathOf(issue: Issue): string {
  const keys = (issue.path ?? []).map((segment) =>
    String(typeof segment === 'object' ? segment.key : segment),
  );
  return keys.join('.') || '(root)';
}

/**
 * hono-openapi's `validator` (so the schema lands in the OpenAPI document) whose failures become
 * `400 invalid_request` with `details.issues` listing each field path and reason. A body that is not JSON
 * at all is refused by Hono before the schema runs, and leaves as `400 invalid_request` too.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return validator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.map((issue) => ({ path: pathOf(issue), message: issue.message }));
      throw new ApiError('invalid_request', 'The request is not valid', { details: { issues } });
    }
  });
}
