import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, expectError, signUp, type TestUser } from './helpers.ts';

const ADMIN = { authorization: `Bearer ${env.ADMIN_TOKEN}` };

const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
  call(path, { ...init, headers: ADMIN });

let seeded = 0;
/** A report row as the reporting route stores it, with its copied messages. */
async function seedReport(
  reporter: TestUser,
  reported: TestUser,
  options: { status?: 'open' | 'resolved'; createdAt?: string; messages?: unknown[] } = {},
) {
  seeded += 1;
  const id = `r${Date.now().toString(36)}${seeded}`;
  await env.DB.prepare(
    `insert into reports (id, reporter_id, reported_user_id, conversation_id, reason, note, messages_json, status, created_at)
     values (?, ?, ?, ?, 'spam', 'they keep sending links', ?, ?, ?)`,
  )
    .bind(
      id,
      reporter.user.id,
      reported.user.id,
      `conv-${seeded}`,
      JSON.stringify(options.messages ?? [{ id: `m${seeded}`, seq: 1, text: 'buy followers now' }]),
      options.status ?? 'open',
      options.createdAt ?? new Date(Date.UTC(2026, 0, 1, 0, 0, seeded)).toISOString(),
    )
    .run();
  return id;
}

async function suspendedAt(user: TestUser) {
  const row = await env.DB.prepare('select suspended_at from users where id = ?')
    .bind(user.user.id)
    .first<{ suspended_at: string | null }>();
  return row?.suspended_at ?? null;
}

describe('admin authentication', () => {
  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-admin-token' }],
    ['the token with a different case', { authorization: `Bearer ${env.ADMIN_TOKEN.toUpperCase()}` }],
    ['a prefix of the token', { authorization: `Bearer ${env.ADMIN_TOKEN.slice(0, -1)}` }],
    ['the token without Bearer', { authorization: env.ADMIN_TOKEN }],
  ])('answers 401 unauthorized with %s', async (_name, headers) => {
    await expectError(await call('/v1/admin/reports', { headers }), 401, 'unauthorized');
    await expectError(
      await call('/v1/admin/users/someone/suspension', { method: 'PUT', headers }),
      401,
      'unauthorized',
    );
  });

  it('answers 401 to a user’s access token', async () => {
    const user = await signUp('user');
    await expectError(await user.api('/v1/admin/reports'), 401, 'unauthorized');
  });
});

describe('GET /v1/admin/reports', () => {
  it('lists open reports oldest first with the copied messages, and pages with a cursor', async () => {
    const reporter = await signUp('reporter');
    const spammer = await signUp('spammer');
    const first = await seedReport(reporter, spammer, {
      messages: [{ id: 'm-a', seq: 3, text: 'copied before unsend' }],
    });
    const second = await seedReport(reporter, spammer);
    await seedReport(reporter, spammer, { status: 'resolved' });

    const page1 = await admin('/v1/admin/reports?status=open&limit=1');
    expect(page1.status).toBe(200);
    const body1 = (await page1.json()) as { reports: Record<string, unknown>[]; cursor: string | null };
    expect(body1.reports).toHaveLength(1);
    expect(body1.reports[0]).toMatchObject({
      id: first,
      status: 'open',
      reason: 'spam',
      note: 'they keep sending links',
      action: null,
      reporter: { id: reporter.user.id, handle: reporter.handle },
      reportedUser: { id: spammer.user.id, handle: spammer.handle, suspendedAt: null },
      messages: [{ id: 'm-a', seq: 3, text: 'copied before unsend' }],
    });
    expect(body1.cursor).toEqual(expect.any(String));

    const page2 = await admin(`/v1/admin/reports?status=open&limit=1&cursor=${body1.cursor}`);
    const body2 = (await page2.json()) as { reports: { id: string }[]; cursor: string | null };
    expect(body2.reports.map((r) => r.id)).toEqual([second]);
    expect(body2.cursor).toBeNull();
  });

  it('lists resolved reports separately', async () => {
    const reporter = await signUp('reporter');
    const spammer = await signUp('spammer');
    const done = await seedReport(reporter, spammer, { status: 'resolved' });
    const res = await admin('/v1/admin/reports?status=resolved&limit=100');
    const body = (await res.json()) as { reports: { id: string; status: string }[] };
    expect(body.reports.map((r) => r.id)).toContain(done);
    expect(body.reports.every((r) => r.status === 'resolved')).toBe(true);
  });

  it('rejects an unknown status, a bad limit and a forged cursor with 400', async () => {
    await expectError(await admin('/v1/admin/reports?status=maybe'), 400, 'invalid_request');
    await expectError(await admin('/v1/admin/reports?limit=0'), 400, 'invalid_request');
    await expectError(await admin('/v1/admin/reports?cursor=not-a-cursor'), 400, 'invalid_request');
  });
});

describe('POST /v1/admin/reports/:id/resolve', () => {
  it('dismisses a report without touching the reported account', async () => {
    const reporter = await signUp('reporter');
    const reported = await signUp('reported');
    const id = await seedReport(reporter, reported);
    const res = await admin(`/v1/admin/reports/${id}/resolve`, { body: { action: 'dismiss' } });
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: Record<string, unknown> };
    expect(report).toMatchObject({
      id,
      status: 'resolved',
      action: 'dismiss',
      resolvedAt: expect.any(String),
    });
    expect(await suspendedAt(reported)).toBeNull();
  });

  it('suspends the reported account', async () => {
    const reporter = await signUp('reporter');
    const reported = await signUp('reported');
    const id = await seedReport(reporter, reported);
    const res = await admin(`/v1/admin/reports/${id}/resolve`, { body: { action: 'suspend' } });
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as {
      report: { action: string; reportedUser: { suspendedAt: string } };
    };
    expect(report.action).toBe('suspend');
    expect(report.reportedUser.suspendedAt).toEqual(expect.any(String));
    expect(await suspendedAt(reported)).toEqual(report.reportedUser.suspendedAt);
    expect(await suspendedAt(reporter)).toBeNull();
  });

  it('answers 404 for an unknown report and 400 for an unknown action', async () => {
    await expectError(
      await admin('/v1/admin/reports/nope/resolve', { body: { action: 'dismiss' } }),
      404,
      'not_found',
    );
    const reporter = await signUp('reporter');
    const id = await seedReport(reporter, await signUp('reported'));
    await expectError(
      await admin(`/v1/admin/reports/${id}/resolve`, { body: { action: 'ban_forever' } }),
      400,
      'invalid_request',
    );
  });

  it('requires the admin token', async () => {
    await expectError(
      await call('/v1/admin/reports/x/resolve', { body: { action: 'dismiss' } }),
      401,
      'unauthorized',
    );
  });
});

describe('PUT|DELETE /v1/admin/users/:handle/suspension', () => {
  it('suspends and reinstates an account, idempotently', async () => {
    const user = await signUp('target');
    expect((await admin(`/v1/admin/users/${user.handle}/suspension`, { method: 'PUT' })).status).toBe(204);
    const first = await suspendedAt(user);
    expect(first).not.toBeNull();
    expect((await admin(`/v1/admin/users/${user.handle}/suspension`, { method: 'PUT' })).status).toBe(204);
    expect(await suspendedAt(user)).toBe(first);
    expect((await admin(`/v1/admin/users/${user.handle}/suspension`, { method: 'DELETE' })).status).toBe(204);
    expect(await suspendedAt(user)).toBeNull();
    expect((await admin(`/v1/admin/users/${user.handle}/suspension`, { method: 'DELETE' })).status).toBe(204);
  });

  it('answers 404 for an unknown handle and 400 for an invalid one', async () => {
    await expectError(
      await admin('/v1/admin/users/nobody_here/suspension', { method: 'PUT' }),
      404,
      'not_found',
    );
    await expectError(
      await admin('/v1/admin/users/NO%20WAY!/suspension', { method: 'PUT' }),
      400,
      'invalid_request',
    );
  });

  it('requires the admin token', async () => {
    const user = await signUp('target');
    await expectError(
      await user.api(`/v1/admin/users/${user.handle}/suspension`, { method: 'PUT' }),
      401,
      'unauthorized',
    );
    expect(await suspendedAt(user)).toBeNull();
  });
});
