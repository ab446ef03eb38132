import { type MessageKey, t } from '../../browser/i18n.ts';

/** What the worker's `#error=` codes of a provider flow mean to the person. */
const KEYS: Record<string, MessageKey> = {
  access_denied: 'flowDenied',
  cancelled: 'flowCancelled',
  already_linked: 'flowAlreadyLinked',
  unsupported_username: 'flowUnsupportedUsername',
  provider_timeout: 'flowProviderDown',
  provider_error: 'flowProviderDown',
  invalid_state: 'flowExpired',
  invalid_link: 'flowExpired',
};

export function flowErrorText(code: string): string {
  return t(KEYS[code] ?? 'errorGeneric');
}
