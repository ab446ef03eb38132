import { browser } from 'wxt/browser';
import { type MessageKey, t } from './i18n.ts';

/** A message with plural forms: catalogue keys `<base>_one` and `<base>_other` (other categories optional). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

let cached: { locale: string; rules: Intl.PluralRules; numbers: Intl.NumberFormat } | undefined;

/**
 * The plural rules of the catalogue Chrome actually chose (its `pluralLocale` entry), not the browser's
 * language: a German browser reads the English catalogue and must get English plurals.
 */
function localeRules() {
  const locale = t('pluralLocale');
  if (cached?.locale !== locale) {
    const tag = Intl.PluralRules.supportedLocalesOf([locale])[0] ?? 'en';
    cached = { locale, rules: new Intl.PluralRules(tag), numbers: new Intl.NumberFormat(tag) };
  }
  return cached;
}

/**
 * The form of `base` for `count` under the language's plural rules: `$1` is the formatted count, `$2`…
 * are `extra`. A category the catalogue leaves out (French "many", say) falls back to `other`.
 */
export function plural(base: PluralKey, count: number, extra: string[] = []): string {
  const { rules, numbers } = localeRules();
  const substitutions = [numbers.format(count), ...extra];
  // Only `one` and `other` are sure to exist; for a category the catalogue leaves out Chrome answers ''.
  const exact = `${base}_${rules.select(count)}` as MessageKey;
  return browser.i18n.getMessage(exact, substitutions) || t(`${base}_other` as MessageKey, substitutions);
}
