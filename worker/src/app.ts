import { drizzle } from 'drizzle-orm/d1';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as schema from './db/schema.ts';
import type { AppEnv } from './env.ts';
import { account } from './features/account/delete-export-routes.ts';
import { me } from './features/account/routes.ts';
import { auth } from './features/auth/routes.ts';
import { contactRoutes } from './features/contacts/routes.ts';
import { conversationRoutes } from './features/conversations/routes.ts';
import { triageRoutes } from './features/conversations/triage-routes.ts';
import { unreadRoutes } from './features/conversations/unread-routes.ts';
import { groupRoutes } from './features/groups/routes.ts';
import { health } from './features/health/routes.ts';
import { messageRoutes } from './features/messages/routes.ts';
import { messageActions } from './features/messages/unsend-hide-react-routes.ts';
import { admin } from './features/moderation/routes.ts';
import { openapi } from './features/openapi/routes.ts';
import { users } from './features/people/routes.ts';
import { ApiError } from './lib/api-error.ts';
import { corsForAllowedOrigins } from './lib/cors.ts';
import { onError, onNotFound } from './lib/error-handler.ts';
import { newId } from './lib/ids.ts';
import { requireSecrets } from './lib/require-secrets.ts';
import { stream } from './live/stream-route.ts';

const v1 = new Hono<AppEnv>()
  .route('/health', health)
  .route('/openapi.json', openapi)
  .route('/auth', auth)
  .route('/me', me)
  .route('/me', account)
  .route('/me', contactRoutes)
  .route('/me', unreadRoutes)
  .route('/conversations', conversationRoutes)
  .route('/conversations', triageRoutes)
  .route('/conversations', groupRoutes)
  .route('/conversations', messageRoutes)
  .route('/users', users)
  .route('/messages', messageActions)
  .route('/admin', admin)
  .route('/stream', stream);

export const app = new Hono<AppEnv>()
  .use(async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || newId();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
  })
  .use(corsForAllowedOrigins)
  .use(requireSecrets)
  .use(async (c, next) => {
    c.set('db', drizzle(c.env.DB, { schema }));
    await next();
  })
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
