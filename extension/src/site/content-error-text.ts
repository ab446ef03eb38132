import type { ClientErrorCode } from '../api/http.ts';
import { t } from '../browser/i18n.ts';

/** The sentence shown on the page for a failed request to the background. */
export function errorText(code: ClientErrorCode): string {
  switch (code) {
    case 'signed_out':
    case 'unauthorized':
      return t('contentSignInHint');
    case 'offline':
      return t('contentOffline');
    case 'dms_unavailable':
      return t('contentDmsUnavailable');
    case 'age_restricted':
      return t('contentPolicyUnavailable');
    case 'rate_limited':
      return t('contentRateLimited');
    default:
      return t('contentActionFailed');
  }
}
