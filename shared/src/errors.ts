import type { ErrorBody } from './schemas/responses.ts';

/** Every error code of the API contract, with the HTTP status it is always sent with. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  cannot_message: 403,
  dms_unavailable: 403,
  age_restricted: 403,
  forbidden: 403,
  not_found: 404,
  birthdate_required: 400,
  handle_taken: 409,
  too_large: 413,
  rate_limited: 429,
  request_limit: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** True when a parsed JSON value has the contract's error shape. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}
