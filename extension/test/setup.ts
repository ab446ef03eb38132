import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';

const catalogue: Record<string, { message: string }> = en;

/** `browser.i18n.getMessage` over the English catalogue (the fake browser has no i18n). */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  fakeBrowser.reset();
  // Component tests stub the API client; a real network call is a test bug, so it fails loudly.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: unknown) => {
      const error = new Error(`unexpected network call in a test: ${String(url)}`);
      console.error(error.message);
      throw error;
    }),
  );
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});

afterEach(() => cleanup());
