import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { activeGroupsQuery } from '../src/conversation-store/account-data.ts';
import {
  conversationViewQueries,
  conversationViewsForQueries,
} from '../src/conversation-store/conversation-views.ts';
import { capGuard, upsertMembers } from '../src/conversation-store/group-membership.ts';
import { messagePageQuery } from '../src/conversation-store/history.ts';
import { boxHalvesQueries } from '../src/conversation-store/inbox-page.ts';
import { unreadCountsQuery } from '../src/conversation-store/member-state.ts';
import {
  memberRowsStatement,
  sendStatements,
  storedMessageStatement,
} from '../src/conversation-store/send.ts';
import { sendContextQueries } from '../src/conversation-store/send-context.ts';
import { toQuery } from '../src/db/raw-batch.ts';
import { policyFactQueries } from '../src/features/conversations/dm-policy-facts.ts';
import { sameReportQuery } from '../src/features/moderation/report-filing.ts';
import { searchPeopleQuery } from '../src/features/people/queries.ts';
import { limitStatements } from '../src/lib/rate-limits.ts';

/** Every hot query is served by an index: its plan has no `SCAN <table>` without an index. */

const db = drizzle(env.DB);

async function plan(query: { sql: string; params: unknown[] }): Promise<string[]> {
  const res = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .bind(...query.params)
    .all<{ detail: string }>();
  return res.results.map((r) => r.detail);
}

function expectIndexed(details: string[]) {
  expect(details.length).toBeGreaterThan(0);
  // A subquery SQLite runs as a co-routine is read by a SCAN of its own rows, which its plan bounds (the
  // co-routine's lines are checked like the rest): that is no table scan.
  const coroutines = details.flatMap((d) => /^CO-ROUTINE (\S+)/.exec(d)?.[1] ?? []);
  const fullScans = details.filter(
    (d) =>
      /^SCAN /.test(d) &&
      !/USING (COVERING )?INDEX|CONSTANT ROW/.test(d) &&
      !coroutines.includes(d.replace(/^SCAN /, '')),
  );
  expect(fullScans, details.join('\n')).toEqual([]);
}

const ids = ['u1', 'u2', 'u3'];

describe('EXPLAIN QUERY PLAN of the hot queries', () => {
  it("inbox page: direct chats are one range of members_box_idx in order, groups a sort of the viewer's", async () => {
    const { directs, groups } = boxHalvesQueries(db, 'u1', 'accepted', 31, { at: '2026-01-01', id: 'c1' });
    const direct = await plan(directs.toSQL());
    expectIndexed(direct);
    // The member row carries a direct chat's activity: the index gives the order, nothing is sorted.
    expect(direct.join('\n')).toMatch(
      /SEARCH members USING INDEX members_box_idx \(user_id=\? AND state=\? AND hidden=\? AND direct_activity_at/,
    );
    expect(direct.join('\n')).not.toContain('TEMP B-TREE');
    // A group's activity is the conversation's (a group send writes no member rows): the groups are sorted.
    const group = await plan(groups.toSQL());
    expectIndexed(group);
    expect(group.join('\n')).toMatch(
      /members_box_idx \(user_id=\? AND state=\? AND hidden=\? AND direct_activity_at=\?\)/,
    );
    expect(group.join('\n')).toMatch(
      /SEARCH conversations USING INDEX sqlite_autoindex_conversations_1 \(id=\?\)/,
    );
  });

  it('people search: one range of the handle index and one of the lowercased display names, no scan', async () => {
    for (const q of ['ali', '🙂'.repeat(50), 'Zo%_']) {
      const details = await plan(searchPeopleQuery(db, 'u1', q).toSQL());
      expectIndexed(details);
      const joined = details.join('\n');
      expect(joined).toMatch(/users_handle_unique \(handle>\? AND handle<\?\)/);
      expect(joined).toMatch(/users_display_name_lower_idx \(<expr>>\? AND <expr><\?\)/);
    }
  });

  it('requests page: the same index', async () => {
    for (const query of Object.values(boxHalvesQueries(db, 'u1', 'request', 31, null))) {
      const details = await plan(query.toSQL());
      expectIndexed(details);
      expect(details.join('\n')).toContain('members_box_idx');
    }
  });

  it('conversation views of a page (members, people, last messages)', async () => {
    for (const query of conversationViewQueries(db, 'u1', ['c1', 'c2']))
      expectIndexed(await plan(query.toSQL()));
  });

  it('one conversation as each member sees it (live events after a change)', async () => {
    for (const query of conversationViewsForQueries(db, 'c1', ids)) expectIndexed(await plan(query.toSQL()));
  });

  it('messages page, newest and before/after a seq', async () => {
    for (const page of [{ take: 31 }, { before: 10, take: 31 }, { after: 3, take: 31 }]) {
      const reader = { conversationId: 'c1', userId: 'u1' };
      const details = await plan(messagePageQuery(db, reader, page).toSQL());
      expectIndexed(details);
      expect(details.join('\n')).toContain('messages_conversation_seq_unique');
      expect(details.join('\n')).not.toContain('TEMP B-TREE');
    }
  });

  it('unread counts', async () => {
    const details = await plan(unreadCountsQuery(db, ids).toSQL());
    expectIndexed(details);
    expect(details.join('\n')).toContain('members_box_idx');
  });

  it('the policy facts', async () => {
    for (const query of policyFactQueries(db, 'u0', ids)) expectIndexed(await plan(query.toSQL()));
  });

  it('the statements of a send', async () => {
    const input = { conversationId: 'c1', senderId: 'u1', clientId: 'x', kind: 'text' as const, text: 'hi' };
    const statements = sendStatements('m1', '2026-01-01T00:00:00.000Z', input, {
      maxFromSender: 3,
      promote: { userId: 'u2', status: 'accepted' },
    });
    for (const statement of statements) expectIndexed(await plan(toQuery(statement)));
  });

  it("the reads before a send: membership, members, a retried clientId, the direct recipient's policy facts", async () => {
    for (const query of sendContextQueries(db, 'c1', 'u1', 'x')) expectIndexed(await plan(query.toSQL()));
  });

  it('the rest of the write batch of a send: rate-limit sweep and check, stored message, members after', async () => {
    const [sweep, , check] = limitStatements({ name: 'send', key: 'send:u1', max: 30, windowMs: 60_000 });
    const input = { conversationId: 'c1', senderId: 'u1', clientId: 'x', kind: 'text' as const, text: 'hi' };
    const statements = [
      ...(sweep && check ? [sweep, check] : []),
      ...sendStatements('m1', '2026-01-01T00:00:00.000Z', input, { maxFromSender: 3 }),
      storedMessageStatement('m1', input),
      storedMessageStatement('m1', { ...input, clientId: null }),
      memberRowsStatement('c1'),
    ];
    for (const statement of statements) expectIndexed(await plan(toQuery(statement)));
  });

  it('the statements of a group add: the upsert and the cap guard', async () => {
    const rows = [{ userId: 'u2', role: 'member', state: 'accepted' }];
    for (const statement of [upsertMembers('c1', '2026-01-01T00:00:00.000Z', rows), capGuard('c1', 32)]) {
      const details = await plan(toQuery(statement));
      // json_each is the list of people added, a table-valued function rather than a stored table.
      expectIndexed(details.filter((d) => !/json_each/.test(d)));
    }
  });

  it('a report looking for the same report (a retry), in its insert and its read-back', async () => {
    const details = await plan(
      sameReportQuery(db, { reporterId: 'u1', conversationId: 'c1', reason: 'spam', note: null }).toSQL(),
    );
    expectIndexed(details);
    expect(details.join('\n')).toContain('reports_status_idx');
  });

  it("an account's groups, before its deletion is announced", async () => {
    const details = await plan(activeGroupsQuery(db, 'u1').toSQL());
    expectIndexed(details);
    expect(details.join('\n')).toContain('members_box_idx');
  });
});
