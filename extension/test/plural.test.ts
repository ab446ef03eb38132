import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { plural } from '../src/browser/plural.ts';

const root = join(import.meta.dirname, '..');

/** Points the fake browser's i18n at one real catalogue, as Chrome does for the browser's language. */
function useCatalogue(locale: string) {
  const entries: Record<string, { message: string }> = JSON.parse(
    readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8'),
  );
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entries[key]?.message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') ?? '';
  }) as typeof fakeBrowser.i18n.getMessage;
}

describe('plural', () => {
  beforeEach(() => useCatalogue('en'));

  it('picks the English singular and plural', () => {
    expect(plural('unreadMessages', 1)).toBe('1 unread message');
    expect(plural('unreadMessages', 0)).toBe('0 unread messages');
    expect(plural('unreadMessages', 2)).toBe('2 unread messages');
    expect(plural('deleteAllConfirm', 1)).toBe('Delete this request?');
    expect(plural('deleteAllConfirm', 3)).toBe('Delete all 3 requests?');
  });

  it('formats the count for the language and passes extra substitutions', () => {
    expect(plural('charactersOver', 1200)).toBe('1,200 characters too many');
    expect(plural('reactionCount', 1, ['👍'])).toBe('👍, 1 reaction');
  });

  it('follows French rules: zero and one are singular', () => {
    useCatalogue('fr');
    expect(plural('unreadMessages', 0)).toBe('0 message non lu');
    expect(plural('unreadMessages', 1)).toBe('1 message non lu');
    expect(plural('unreadMessages', 2)).toBe('2 messages non lus');
    // French has a "many" category for round millions; the catalogue's "other" form stands in for it.
    expect(plural('groupMembersCount', 1_000_000)).toBe('1\u202f000\u202f000 membres');
  });

  it('follows Dutch and Italian rules', () => {
    useCatalogue('nl');
    expect(plural('groupMembersCount', 1)).toBe('1 lid');
    expect(plural('groupMembersCount', 0)).toBe('0 leden');
    useCatalogue('it');
    expect(plural('unreadCount', 1)).toBe('1 non letto');
    expect(plural('unreadCount', 5)).toBe('5 non letti');
  });
});
