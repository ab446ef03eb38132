import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { databasePerRequest } from './db/request-database.ts';
import type { AppEnv } from './env.ts';
import { accountRoutes } from './features/account/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { contactRoutes } from './features/contacts/routes.ts';
import { conversationRoutes } from './features/conversations/routes.ts';
import { triageRoutes } from './features/conversations/triage-routes.ts';
import { unreadRoutes } from './features/conversations/unread-routes.ts';
import { facebookAuthRoutes, facebookLinkRoutes } from './features/facebook/routes.ts';
import { groupRoutes } from './features/groups/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { devOutboxRoutes, identifierRoutes } from './features/identifiers/routes.ts';
import { siteAuthRoutes, siteLinkRoutes } from './features/identity/routes.ts';
import { messageRoutes } from './features/messages/routes.ts';
import { messageIdRoutes } from './features/messages/unsend-hide-react-routes.ts';
import { moderationRoutes } from './features/moderation/routes.ts';
import { openApiRoutes } from './features/openapi/routes.ts';
import { peopleRoutes } from './features/people/routes.ts';
import { typingRoutes } from './features/typing/routes.ts';
import { ApiError } from './lib/api-error.ts';
import { corsForAllowedOrigins } from './lib/cors.ts';
import { onError, onNotFound } from './lib/error-handler.ts';
import { newId } from './lib/ids.ts';
import { requireSecrets } from './lib/require-secrets.ts';
import { securityHeaders } from './lib/security-headers.ts';
import { streamRoutes } from './live/stream-route.ts';

/**
 * The app is created first so the OpenAPI route can read its routes: Hono's `use` and `route` add to this
 * same instance, and the document is generated on the first request, when every route is in place.
 */
const root = new Hono<AppEnv>();

/** Every router at its full prefix under `/v1`; each route file declares paths relative to it. */
const v1 = new Hono<AppEnv>()
  .route('/health', healthRoutes)
  .route('/openapi.json', openApiRoutes(root))
  .route('/auth', authRoutes)
  .route('/auth/site', siteAuthRoutes)
  .route('/auth/facebook', facebookAuthRoutes)
  .route('/me', accountRoutes)
  .route('/me', contactRoutes)
  .route('/me/unread', unreadRoutes)
  .route('/me', siteLinkRoutes)
  .route('/me', identifierRoutes)
  .route('/me', facebookLinkRoutes)
  .route('/users', peopleRoutes)
  .route('/conversations', conversationRoutes)
  .route('/conversations/:id', triageRoutes)
  .route('/conversations/:id', groupRoutes)
  .route('/conversations/:id/messages', messageRoutes)
  .route('/conversations/:id/typing', typingRoutes)
  .route('/messages/:id', messageIdRoutes)
  .route('/stream', streamRoutes)
  .route('/admin', moderationRoutes)
  .route('/dev', devOutboxRoutes);

export const app = root
  .use(securityHeaders)
  // The caller's id when it is a sane one (up to 64 characters), otherwise a new sortable id.
  .use(requestId({ limitLength: 64, generator: () => newId() }))
  .use(corsForAllowedOrigins)
  .use(requireSecrets)
  .use(databasePerRequest)
  .use(
    // A full contacts sync (5000 hashes of 64 hex characters) cannot fit in 64 KiB; it alone gets 384 KiB.
    (c, next) =>
      bodyLimit({
        maxSize: c.req.path === '/v1/me/contacts' ? 384 * 1024 : 64 * 1024,
        onError: () => {
          throw new ApiError('too_large', 'The body is too large');
        },
      })(c, next),
  )
  .route('/v1', v1)
  .onError(onError)
  .notFound(onNotFound);

/** The typed shape of the API, for `hc<AppType>()` in the extension. */
export type AppType = typeof app;
