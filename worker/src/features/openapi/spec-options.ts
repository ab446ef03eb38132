import { errorBodySchema } from '@clipdm/shared';
import { type GenerateSpecOptions, resolver } from 'hono-openapi';
import { z } from 'zod';
import { ERROR_RESPONSES, type ErrorStatus } from './describe.ts';

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'invalid_request: the body, query or path does not match the schema (`details.issues` names each field)',
  401: 'unauthorized or invalid_credentials: no valid token, or a wrong handle or password',
  403: 'cannot_message, dms_unavailable, age_restricted or forbidden',
  404: 'not_found: no such resource, or the caller may not see it',
  409: 'handle_taken',
  413: 'too_large: the body is over the limit (64 KiB; 384 KiB for a contacts sync)',
  429: 'rate_limited or request_limit; `Retry-After` says when to try again where a window applies',
};

function errorResponse(status: ErrorStatus) {
  return {
    description: ERROR_DESCRIPTIONS[status],
    ...(status === 429
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds until a retry may succeed',
              schema: { type: 'integer' as const },
            },
          },
        }
      : {}),
    content: { 'application/json': { schema: resolver(errorBodySchema) } },
  };
}

/**
 * `StreamEvent` arrives over the WebSocket, so no route's response names it; it is added to the components
 * so clients generated from the document get its type too. Its references point at the components the
 * routes produce (`Message`, `Conversation`, `Reaction`).
 */
type ComponentSchema = NonNullable<
  NonNullable<GenerateSpecOptions['documentation']['components']>['schemas']
>[string];

function streamEventComponent(): ComponentSchema {
  const all = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, io: 'input' });
  const { $schema, $id, ...schema } = all.schemas.StreamEvent ?? {};
  // zod's JSON Schema type and openapi-types' schema object describe the same JSON; only their unions differ.
  return schema as ComponentSchema;
}

/** The document-wide parts of `/v1/openapi.json`; the operations come from the routes themselves. */
export const specOptions: Partial<GenerateSpecOptions> = {
  documentation: {
    openapi: '3.1.0',
    info: {
      title: 'ClipDM API',
      version: '1.0.0',
      description:
        'Direct messages for a short-video site. Every error answers `{error: {code, message, details?}}`.',
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Local worker (`npm start`)' }],
    tags: [
      { name: 'Platform', description: 'Health and this document' },
      { name: 'Auth', description: 'Accounts and sessions' },
      { name: 'Account', description: 'The caller, their settings, blocks, export and deletion' },
      { name: 'Contacts', description: 'Contact sync and suggested friends' },
      { name: 'People', description: 'Search, profiles, follows and blocks' },
      { name: 'Conversations', description: 'Inbox, requests, and what a member does with a conversation' },
      { name: 'Groups', description: 'Group title and membership' },
      { name: 'Messages', description: 'History, sending, unsending, hiding and reactions' },
      { name: 'Live', description: 'The event stream' },
      { name: 'Moderation', description: 'Reports and suspensions (admin token)' },
    ],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN secret' },
      },
      schemas: { StreamEvent: streamEventComponent() },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, name]) => [
          name,
          errorResponse(Number(status) as ErrorStatus),
        ]),
      ),
    },
  },
  // Each route lists its own 400 with the error schema; the library's default has another shape.
  defaultValidationErrorResponse: false,
  // `/v1/openapi.json` looks like a static file to the library, which would leave it out.
  excludeStaticFile: false,
};
