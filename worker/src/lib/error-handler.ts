import type { ErrorBody } from '@clipdm/shared';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env.ts';
import { ApiError } from './api-error.ts';
import { describeError, logEvent } from './log.ts';
import { isStorageUnavailable } from './storage-unavailable.ts';

function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details) body.error.details = error.details;
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(body, error.status);
}

/** Every thrown error leaves as the contract's error shape; unknown ones are logged, never shown. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err);
  // An ApiError raised inside the D1 binding (an ended login) reaches here wrapped by drizzle's query error.
  if (err.cause instanceof ApiError) return errorResponse(c, err.cause);
  if (err instanceof HTTPException) {
    // Hono's own exceptions, e.g. the body-limit middleware or a malformed JSON body.
    if (err.status === 413) return errorResponse(c, new ApiError('too_large', 'The body is over 64 KiB'));
    if (err.status === 401) return errorResponse(c, new ApiError('unauthorized', 'Sign in again'));
    if (err.status < 500) return errorResponse(c, new ApiError('invalid_request', err.message));
  }
  logEvent('error', { requestId: c.get('requestId'), path: c.req.path, error: describeError(err) });
  if (isStorageUnavailable(err)) {
    // Every write is one batch, so a failed one left nothing behind: the client may simply try again.
    return errorResponse(
      c,
      new ApiError('unavailable', 'The service is briefly unavailable; try again', {
        headers: { 'Retry-After': '1' },
      }),
    );
  }
  return errorResponse(c, new ApiError('internal', 'Something went wrong on our side'));
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new ApiError('not_found', `No route for ${c.req.method} ${c.req.path}`));
