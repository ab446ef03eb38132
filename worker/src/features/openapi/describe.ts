import { type DescribeRouteOptions, describeRoute, resolver } from 'hono-openapi';
import type { ZodType } from 'zod';

/**
 * What a route declares about itself for the OpenAPI document, next to its handler: its summary, who may
 * call it, its success response with the schema of its body, and the errors it can really answer.
 */

/** The error answers of the API, each a shared response of the document (see `spec-options.ts`). */
export const ERROR_RESPONSES = {
  400: 'InvalidRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'TooLarge',
  429: 'RateLimited',
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

type Caller = 'anyone' | 'user' | 'admin';

const SECURITY: Record<Caller, DescribeRouteOptions['security']> = {
  anyone: [],
  user: [{ bearer: [] }],
  admin: [{ adminToken: [] }],
};

/** A JSON success response whose body the schema describes. */
export function json(schema: ZodType, description: string) {
  return { description, content: { 'application/json': { schema: resolver(schema) } } };
}

/** A success answer without a body. */
export function noContent(description: string) {
  return { description };
}

interface RouteDoc {
  tag: string;
  summary: string;
  description?: string;
  caller: Caller;
  /** Success answers by status: `json(...)` or `noContent(...)`. */
  success: Record<number, ReturnType<typeof json> | ReturnType<typeof noContent>>;
  /** The error statuses this route can answer; 401 is added for `user` and `admin` callers. */
  errors: ErrorStatus[];
}

/** `describeRoute` in the project's terms: errors point at the shared responses with the error schema. */
export function documentRoute(doc: RouteDoc) {
  const statuses = new Set<ErrorStatus>(doc.errors);
  if (doc.caller !== 'anyone') statuses.add(401);
  const errors = Object.fromEntries(
    [...statuses]
      .sort()
      .map((status) => [status, { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` }]),
  );
  return describeRoute({
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    security: SECURITY[doc.caller],
    responses: { ...doc.success, ...errors },
  });
}
