import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { databasePerRequest } from './db/request-database.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './lib/api-error.ts';
import { corsForAllowedOrigins } from './lib/cors.ts';
import { onError, onNotFound } from './lib/error-handler.ts';
import { newId } from './lib/ids.ts';
import { requireSecrets } from './lib/require-secrets.ts';
import { account } from './routes/account.ts';
import { admin } from './routes/admin.ts';
import { auth } from './routes/auth.ts';
import { contactRoutes } from './routes/contacts.ts';
import { triageRoutes } from './routes/conversation-triage.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { groupRoutes } from './routes/groups.ts';
import { health } from './routes/health.ts';
import { me } from './routes/me.ts';
import { messageActions } from './routes/message-actions.ts';
import { messageRoutes } from './routes/messages.ts';
import { openapi } from './routes/openapi.ts';
import { stream } from './routes/stream.ts';
import { unreadRoutes } from './routes/unread.ts';
import { users } from './routes/users.ts';

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
