import { describe, expect, it } from 'vitest';
import { createConversationBody, registerBody, renameConversationBody } from '../src/schemas/index.ts';

const register = (displayName: string) =>
  registerBody.safeParse({
    handle: 'someone',
    password: 'correct horse battery',
    birthdate: '1990-01-01',
    displayName,
  });

describe('display names and group titles', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a C0 control', 'a\u001Bb'],
    ['DEL', 'a\u007Fb'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'evil\u202Egnp.exe'],
    ['a pop directional formatting', 'a\u202Cb'],
    ['a first-strong isolate', 'a\u2068b\u2069'],
    ['only zero-width spaces', '\u200B\u200B'],
    ['only a Hangul filler', '\u3164'],
    ['only a Braille blank', '\u2800'],
    ['only variation selectors', '\uFE0F\uFE0F'],
    ['only spaces', '   '],
    ['51 characters', 'x'.repeat(51)],
  ])('refuses %s', (_, value) => {
    expect(register(value).success).toBe(false);
    expect(renameConversationBody.safeParse({ title: value }).success).toBe(false);
    expect(createConversationBody.safeParse({ members: ['a_b', 'c_d'], title: value }).success).toBe(false);
  });

  it.each([
    'Deleted account',
    'deleted account',
    'DELETED  ACCOUNT',
    'Deleted\u200B account',
    'Ｄｅｌｅｔｅｄ account',
  ])('keeps the deleted-account name (%s) for deleted accounts', (value) => {
    expect(register(value).success).toBe(false);
  });

  it('stores names trimmed and in NFC, and keeps any script', () => {
    const parsed = register('  Ame\u0301lie ');
    expect(parsed.success && parsed.data.displayName).toBe('Am\u00e9lie');
    for (const name of ['محمد', '山田 太郎', 'Zoë 🎈', 'אבי כהן', 'Deleted accounts of mine']) {
      expect(register(name).success, name).toBe(true);
    }
  });
});
