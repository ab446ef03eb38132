import { storage } from 'wxt/utils/storage';

/** The worker address baked into this build; the options page can override it. */
export const DEFAULT_API_BASE_URL: string = import.meta.env.WXT_API_BASE_URL || 'http://127.0.0.1:8787';

/** Stored as `apiBaseUrl` in `storage.local` (the e2e harness writes it directly). */
export const apiBaseUrlItem = storage.defineItem<string>('local:apiBaseUrl', {
  fallback: DEFAULT_API_BASE_URL,
});

/** The worker address without a trailing slash. */
export async function getApiBaseUrl(): Promise<string> {
  return (await apiBaseUrlItem.getValue()).replace(/\/+$/, '');
}

/** True for an http(s) URL the options page may save. */
export function isValidBaseUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
