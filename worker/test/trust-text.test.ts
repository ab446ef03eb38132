import type { Conversation, Me } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { befriend, call, expectError, signUp, uniqueHandle } from './helpers.ts';

/**
 * Issue 11, door 7: display names and group titles are NFC, trimmed, 1–50 characters, with no control
 * characters, no bidi overrides or isolates, not only invisible characters, and not a reserved name.
 */

const BAD: [string, string][] = [
  ['NUL', 'bad\u0000name'],
  ['a C0 control', 'bad\u0007name'],
  ['a C1 control', 'bad\u0085name'],
  ['a right-to-left override', 'evil\u202Egnp.exe'],
  ['a left-to-right embedding', 'a\u202Ab'],
  ['a bidi isolate', 'a\u2066b\u2069'],
  ['only zero-width spaces', '\u200B\u200B'],
  ['only a Hangul filler', '\u3164'],
  ['only a word joiner and a space', '\u2060 \u2060'],
];

function register(displayName: string) {
  return call('/v1/auth/register', {
    body: {
      handle: uniqueHandle('txt'),
      password: 'correct horse battery',
      birthdate: '1990-01-01',
      displayName,
    },
  });
}

describe('displayName at registration', () => {
  for (const [what, value] of BAD) {
    it(`refuses ${what}`, async () => {
      await expectError(await register(value), 400, 'invalid_request');
    });
  }

  it('refuses the name deleted accounts carry', async () => {
    await expectError(await register('Deleted account'), 400, 'invalid_request');
    await expectError(await register('  deleted ACCOUNT '), 400, 'invalid_request');
  });

  it('stores NFC, trimmed', async () => {
    const res = await register('  Ame\u0301lie  ');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { user: Me }).user.displayName).toBe('Am\u00e9lie');
  });

  it('keeps names in any script, emoji included', async () => {
    for (const name of ['محمد', '山田 太郎', 'Zoë 🎈', 'אבי כהן']) {
      expect((await register(name)).status, name).toBe(201);
    }
  });
});

describe('group titles', () => {
  it('are refused with the same rules on create and rename', async () => {
    const owner = await signUp('titler');
    const [a, b] = [await signUp('ta'), await signUp('tb')];
    await befriend(owner, a);
    await befriend(owner, b);
    for (const [what, title] of BAD) {
      const res = await owner.api('/v1/conversations', { body: { members: [a.handle, b.handle], title } });
      expect(res.status, what).toBe(400);
    }
    const created = await owner.api('/v1/conversations', {
      body: { members: [a.handle, b.handle], title: 'ok' },
    });
    expect(created.status).toBe(201);
    const group = (await created.json()) as Conversation;
    for (const [what, title] of BAD) {
      const res = await owner.api(`/v1/conversations/${group.id}`, { method: 'PATCH', body: { title } });
      expect(res.status, what).toBe(400);
    }
    const renamed = await owner.api(`/v1/conversations/${group.id}`, {
      method: 'PATCH',
      body: { title: ' Cafe\u0301 ' },
    });
    expect(((await renamed.json()) as Conversation).title).toBe('Caf\u00e9');
  });
});
