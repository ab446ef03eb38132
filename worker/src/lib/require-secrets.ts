import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { ApiError } from './api-error.ts';
import { logEvent } from './log.ts';

export const REQUIRED_SECRETS = ['JWT_SECRET', 'CONTACTS_PEPPER', 'ADMIN_TOKEN'] as const;

/**
 * Refuses every request (health included, so a probe sees it) while a secret is missing, rather than
 * signing tokens or keying contacts with "". Local dev is no exception: `npm start` writes `.dev.vars` with
 * fresh secrets, so a missing one there is a broken setup too. The log names what is missing, never a value.
 */
export const requireSecrets = createMiddleware<AppEnv>(async (c, next) => {
  const missing = REQUIRED_SECRETS.filter((name) => !c.env[name]);
  if (missing.length > 0) {
    logEvent('error', {
      msg: 'secrets missing; refusing to serve',
      missing,
      environment: c.env.ENVIRONMENT,
      requestId: c.get('requestId'),
    });
    throw new ApiError('internal', 'The service is not configured');
  }
  await next();
});
