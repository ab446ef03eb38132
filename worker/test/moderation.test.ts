import { env } from 'cloudflare:test';
import type { AdminReport, Message } from '@clipdm/shared';
import { describe, expect, it } from 'vitest';
import { dm, messagesOf, openDirect, postMessage } from './chat-helpers.ts';
import { befriend, call, expectError, signInAgain, signUp } from './helpers.ts';

const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
  call(path, { ...init, headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });

describe('the moderation loop: report → review → suspend', () => {
  it('a reported message stays in the report after unsend, and suspending stops the sender', async () => {
    const victim = await signUp('victim');
    const troll = await signUp('troll');
    await befriend(victim, troll);
    const { conversation, message } = await dm(troll, victim, 'something nasty');

    const filed = await victim.api(`/v1/conversations/${conversation.id}/report`, {
      body: { reason: 'harassment', messageIds: [message.id], note: 'keeps doing this' },
    });
    expect(filed.status, await filed.clone().text()).toBe(201);
    const { reportId } = (await filed.json()) as { reportId: string };

    // The troll unsends: gone from the conversation, but the report's copy is evidence.
    expect((await troll.api(`/v1/messages/${message.id}`, { method: 'DELETE' })).status).toBe(204);

    const listed = await admin('/v1/admin/reports?status=open&limit=100');
    expect(listed.status).toBe(200);
    const { reports } = (await listed.json()) as { reports: AdminReport[] };
    const report = reports.find((r) => r.id === reportId);
    expect(report).toMatchObject({
      reason: 'harassment',
      note: 'keeps doing this',
      reporter: { handle: victim.handle },
      reportedUser: { handle: troll.handle, suspendedAt: null },
    });
    expect(((report?.messages ?? []) as Message[]).map((m) => m.text)).toEqual(['something nasty']);

    const resolved = await admin(`/v1/admin/reports/${reportId}/resolve`, { body: { action: 'suspend' } });
    expect(resolved.status).toBe(200);

    // Suspended: the troll's logins ended; signed in again, they cannot send, and nobody can message them.
    await expectError(await postMessage(troll, conversation.id, 'again'), 401, 'unauthorized');
    const trollAgain = await signInAgain(troll);
    await expectError(await postMessage(trollAgain, conversation.id, 'again'), 403, 'dms_unavailable');
    await expectError(await postMessage(victim, conversation.id, 'why'), 403, 'cannot_message');

    // The report is now in the resolved list and out of the open one.
    const open = (await (await admin('/v1/admin/reports?status=open&limit=100')).json()) as {
      reports: AdminReport[];
    };
    expect(open.reports.map((r) => r.id)).not.toContain(reportId);

    // Lifting the suspension lets the troll send again.
    expect((await admin(`/v1/admin/users/${troll.handle}/suspension`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await postMessage(trollAgain, conversation.id, 'sorry')).status).toBe(201);
  });

  it('a suspension by handle stops sends with 403 dms_unavailable', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    await befriend(alice, bob);
    const conversation = await openDirect(alice, bob);
    expect((await admin(`/v1/admin/users/${alice.handle}/suspension`, { method: 'PUT' })).status).toBe(204);
    await expectError(
      await postMessage(await signInAgain(alice), conversation.id, 'hi'),
      403,
      'dms_unavailable',
    );
    expect(await messagesOf(bob, conversation.id)).toEqual([]);
  });
});
