import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const LOCALES = ['en', 'nl', 'fr', 'it'];

function catalogue(locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8'));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('translations', () => {
  const en = catalogue('en');

  it.each(LOCALES.slice(1))(
    '%s has every English key, with the same placeholders, and no others',
    (locale) => {
      const other = catalogue(locale);
      expect(Object.keys(en).filter((key) => !(key in other))).toEqual([]);
      expect(Object.keys(other).filter((key) => !(key in en))).toEqual([]);
      for (const [key, entry] of Object.entries(other)) {
        expect([key, placeholders(entry.message)]).toEqual([key, placeholders(en[key]?.message ?? '')]);
        expect(entry.message.trim(), key).not.toBe('');
      }
    },
  );

  it('has an English string for every t("…") key used in the code', () => {
    const used = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g))
        used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });

  it('has a singular and a plural for every plural("…") key used in the code, in every language', () => {
    const bases = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bplural\('([A-Za-z0-9]+)'/g))
        bases.add(match[1] ?? '');
    }
    for (const locale of LOCALES) {
      const entries = catalogue(locale);
      const missing = [...bases].flatMap((base) =>
        [`${base}_one`, `${base}_other`].filter((key) => !(key in entries)),
      );
      expect([locale, missing]).toEqual([locale, []]);
    }
  });
});
