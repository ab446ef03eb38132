import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { dm, send } from './chat-helpers.ts';
import { befriend, call, expectError, signUp } from './helpers.ts';

/** Issue 11, door 9: reports name the right person; a reaction is exactly one RGI emoji. */

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };

interface AdminReport {
  id: string;
  reportedUser: { id: string } | null;
}

async function adminReport(id: string): Promise<AdminReport | undefined> {
  const res = await call('/v1/admin/reports?limit=100', { headers: admin });
  return ((await res.json()) as { reports: AdminReport[] }).reports.find((r) => r.id === id);
}

describe('POST /v1/conversations/:id/report', () => {
  it('does not name the other member when only your own messages are reported', async () => {
    const [a, b] = [await signUp('selfrep'), await signUp('bystand')];
    await befriend(a, b);
    const { conversation, message } = await dm(a, b, 'my own words');
    await send(b, conversation.id, 'their words');
    const res = await a.api(`/v1/conversations/${conversation.id}/report`, {
      body: { reason: 'other', messageIds: [message.id] },
    });
    expect(res.status).toBe(201);
    const { reportId } = (await res.json()) as { reportId: string };
    expect((await adminReport(reportId))?.reportedUser).toBeNull();
  });

  it('names the sender of the reported messages', async () => {
    const [a, b] = [await signUp('rightrep'), await signUp('offender')];
    await befriend(a, b);
    const { conversation } = await dm(a, b, 'hi');
    const bad = await send(b, conversation.id, 'something bad');
    const res = await a.api(`/v1/conversations/${conversation.id}/report`, {
      body: { reason: 'harassment', messageIds: [bad.id] },
    });
    const { reportId } = (await res.json()) as { reportId: string };
    expect((await adminReport(reportId))?.reportedUser?.id).toBe(b.user.id);
  });
});

describe('PUT /v1/messages/:id/reaction', () => {
  const tag = (text: string) =>
    [...text].map((ch) => String.fromCodePoint(0xe0000 + (ch.codePointAt(0) ?? 0))).join('');
  const BAD: [string, string][] = [
    ['a ZWJ chain of 8 thumbs', Array(8).fill('\u{1F44D}').join('\u200D')],
    ['a black flag with tags spelling a word', `\u{1F3F4}${tag('hello')}\u{E007F}`],
    ['two emoji', '\u{1F44D}\u{1F44D}'],
    ['a letter', 'a'],
    ['a lone regional indicator', '\u{1F1F3}'],
  ];
  const GOOD: [string, string][] = [
    ['a thumb', '\u{1F44D}'],
    ['a thumb with a skin tone', '\u{1F44D}\u{1F3FD}'],
    ['a family (an RGI ZWJ sequence)', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'],
    ['the flag of Scotland (an RGI tag sequence)', `\u{1F3F4}${tag('gbsct')}\u{E007F}`],
    ['a country flag', '\u{1F1F3}\u{1F1F1}'],
    ['a keycap', '1\uFE0F\u20E3'],
    ['a red heart', '\u2764\uFE0F'],
  ];

  it('refuses anything but one RGI emoji', async () => {
    const [a, b] = [await signUp('reacta'), await signUp('reactb')];
    await befriend(a, b);
    const { message } = await dm(b, a, 'react to me');
    for (const [what, emoji] of BAD) {
      await expectError(
        await a.api(`/v1/messages/${message.id}/reaction`, { method: 'PUT', body: { emoji } }),
        400,
        'invalid_request',
      ).catch((error: unknown) => {
        throw new Error(`${what}: ${String(error)}`);
      });
    }
    for (const [what, emoji] of GOOD) {
      const res = await a.api(`/v1/messages/${message.id}/reaction`, { method: 'PUT', body: { emoji } });
      expect(res.status, what).toBe(204);
    }
  });
});
