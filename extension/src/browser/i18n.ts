import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/** A key of the English catalogue, which every other locale must also have (a test checks it). */
export type MessageKey = keyof typeof en;

/** The visible string for `key` in the browser's language; substitutions fill `$1`, `$2`… placeholders. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
