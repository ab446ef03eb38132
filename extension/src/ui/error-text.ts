import type { ApiFailure } from '../api/http.ts';
import { type MessageKey, t } from '../browser/i18n.ts';

const KEYS: Partial<Record<ApiFailure['code'], MessageKey>> = {
  offline: 'errorOffline',
  signed_out: 'errorSignedOut',
  unauthorized: 'errorSignedOut',
  invalid_credentials: 'errorInvalidCredentials',
  handle_taken: 'errorHandleTaken',
  age_restricted: 'errorAgeRestricted',
  cannot_message: 'errorCannotMessage',
  dms_unavailable: 'errorDmsUnavailable',
  forbidden: 'errorForbidden',
  not_found: 'errorNotFound',
  rate_limited: 'errorRateLimited',
  request_limit: 'errorRequestLimit',
  too_large: 'errorTooLarge',
  invalid_request: 'errorInvalidRequest',
};

/** The sentence a person reads for a failed call, in their language. */
export function errorText(failure: ApiFailure): string {
  return t(KEYS[failure.code] ?? 'errorGeneric');
}

/** Failures that may go away on their own: the view offers Retry for these. */
export function isRetryable(failure: ApiFailure): boolean {
  return ['offline', 'internal', 'rate_limited'].includes(failure.code);
}
