import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { dm, send } from './chat-helpers.ts';
import { befriend, call, setPolicy, signUp, type TestUser } from './helpers.ts';

/**
 * Who may call what, for every operation the router serves. The route table comes from Hono itself
 * (`app.routes`) and the OpenAPI document, so a route added without a row here fails the first test.
 *
 * - `public`: no token needed.
 * - `user`: a person's token; without one, or with a dead login's, 401.
 * - `conversation` / `message`: also 404 for everyone who is not (any more) in the conversation.
 * - `admin`: the admin token; a person's token is 401.
 * - `ticket`: the WebSocket, authorised by a stream ticket instead of a token.
 */
type Guard = 'public' | 'user' | 'conversation' | 'message' | 'admin' | 'ticket';

interface Row {
  guard: Guard;
  /** A valid body and query, so a refusal is the guard's and not validation's. */
  body?: unknown;
  query?: string;
}

const MATRIX: Record<string, Row> = {
  'GET /v1/health': { guard: 'public' },
  'GET /v1/openapi.json': { guard: 'public' },
  'POST /v1/auth/register': { guard: 'public' },
  'POST /v1/auth/login': { guard: 'public' },
  'POST /v1/auth/refresh': { guard: 'public' },
  'POST /v1/auth/logout': { guard: 'public' },
  'GET /v1/me': { guard: 'user' },
  'DELETE /v1/me': { guard: 'user', body: { password: 'not the password' } },
  'GET /v1/me/export': { guard: 'user' },
  'GET /v1/me/settings': { guard: 'user' },
  'PATCH /v1/me/settings': { guard: 'user', body: { readReceipts: true } },
  'GET /v1/me/blocks': { guard: 'user' },
  'GET /v1/auth/site/start': { guard: 'public' },
  'GET /v1/auth/site/callback': { guard: 'public' },
  'POST /v1/auth/site/exchange': { guard: 'public' },
  'GET /v1/auth/facebook/start': { guard: 'public' },
  'GET /v1/auth/facebook/callback': { guard: 'public' },
  // Exists only with ENVIRONMENT=development (404 elsewhere); it shows codes, never to a signed-out caller in production.
  'GET /v1/dev/outbox': { guard: 'public' },
  'POST /v1/me/site-link': { guard: 'user' },
  'POST /v1/me/site-link/confirm': { guard: 'user', body: { code: 'not-a-code' } },
  'POST /v1/me/identifiers': { guard: 'user', body: { kind: 'email', value: 'someone@example.com' } },
  'GET /v1/me/identifiers': { guard: 'user' },
  'POST /v1/me/identifiers/confirm': {
    guard: 'user',
    body: { kind: 'email', value: 'someone@example.com', code: '123456' },
  },
  'DELETE /v1/me/identifiers/:id': { guard: 'user' },
  'POST /v1/me/facebook-link': { guard: 'user' },
  'GET /v1/me/facebook-link': { guard: 'user' },
  'DELETE /v1/me/facebook-link': { guard: 'user' },
  'POST /v1/me/facebook-link/confirm': { guard: 'user', body: { code: 'not-a-code' } },
  'PUT /v1/me/contacts': { guard: 'user', body: { hashes: [] } },
  'DELETE /v1/me/contacts': { guard: 'user' },
  'GET /v1/me/suggested': { guard: 'user' },
  'GET /v1/me/unread': { guard: 'user' },
  'GET /v1/users': { guard: 'user', query: 'q=ab' },
  'GET /v1/users/:handle': { guard: 'user' },
  'PUT /v1/users/:handle/follow': { guard: 'user' },
  'DELETE /v1/users/:handle/follow': { guard: 'user' },
  'PUT /v1/users/:handle/block': { guard: 'user' },
  'DELETE /v1/users/:handle/block': { guard: 'user' },
  'POST /v1/stream/ticket': { guard: 'user' },
  'GET /v1/stream': { guard: 'ticket' },
  'GET /v1/conversations': { guard: 'user' },
  'POST /v1/conversations': { guard: 'user', body: { members: ['nobody_here'] } },
  'GET /v1/conversations/:id': { guard: 'conversation' },
  'PATCH /v1/conversations/:id': { guard: 'conversation', body: { title: 'mine now' } },
  'POST /v1/conversations/:id/members': { guard: 'conversation', body: { handles: ['nobody_here'] } },
  'DELETE /v1/conversations/:id/members/:handle': { guard: 'conversation' },
  'POST /v1/conversations/:id/accept': { guard: 'conversation' },
  'POST /v1/conversations/:id/decline': { guard: 'conversation' },
  'POST /v1/conversations/:id/report': { guard: 'conversation', body: { reason: 'spam' } },
  'POST /v1/conversations/:id/read': { guard: 'conversation', body: { seq: 1 } },
  'PUT /v1/conversations/:id/mute': { guard: 'conversation' },
  'DELETE /v1/conversations/:id/mute': { guard: 'conversation' },
  'POST /v1/conversations/:id/leave': { guard: 'conversation' },
  'POST /v1/conversations/:id/typing': { guard: 'conversation' },
  'GET /v1/conversations/:id/messages': { guard: 'conversation' },
  'POST /v1/conversations/:id/messages': {
    guard: 'conversation',
    body: { clientId: 'x1', text: 'let me in' },
  },
  'DELETE /v1/messages/:id': { guard: 'message' },
  'POST /v1/messages/:id/hide': { guard: 'message' },
  'PUT /v1/messages/:id/reaction': { guard: 'message', body: { emoji: '👍' } },
  'DELETE /v1/messages/:id/reaction': { guard: 'message' },
  'GET /v1/admin/reports': { guard: 'admin' },
  'POST /v1/admin/reports/:id/resolve': { guard: 'admin', body: { action: 'dismiss' } },
  'PUT /v1/admin/users/:handle/suspension': { guard: 'admin' },
  'DELETE /v1/admin/users/:handle/suspension': { guard: 'admin' },
};

/** Every (method, path) the router answers, from Hono's own table; middleware (`ALL`) left out. */
function routerOperations(): string[] {
  return [
    ...new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/\/$/, '')}`)
        .filter((key) => key.includes('/v1/')),
    ),
  ].sort();
}

/** Every documented operation, with whether the document says it needs a token (`security`). */
async function documentOperations(): Promise<Map<string, boolean>> {
  const doc = (await (await call('/v1/openapi.json')).json()) as {
    security?: unknown[];
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  const operations = new Map<string, boolean>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const security = op.security ?? doc.security ?? [];
      operations.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, security.length > 0);
    }
  }
  return operations;
}

function fill(key: string, params: { id: string; handle: string }): { method: string; path: string } {
  const [method, template] = key.split(' ') as [string, string];
  return { method, path: template.replace(':id', params.id).replace(':handle', params.handle) };
}

async function hit(key: string, token: string | undefined, params: { id: string; handle: string }) {
  const { method, path } = fill(key, params);
  const query = MATRIX[key]?.query;
  const res = await call(query ? `${path}?${query}` : path, { method, token, body: MATRIX[key]?.body });
  const text = await res.text();
  return {
    status: res.status,
    text,
    code: (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code,
  };
}

const guarded = (guards: Guard[]) =>
  Object.keys(MATRIX).filter((key) => guards.includes(MATRIX[key]?.guard as Guard));
let checks = 0;

describe('authorization matrix', { timeout: 120_000 }, () => {
  it('covers every operation of the router and of the OpenAPI document, and nothing else', async () => {
    const table = Object.keys(MATRIX).sort();
    const router = routerOperations();
    expect(
      router.filter((op) => !table.includes(op)),
      'routes with no row in MATRIX',
    ).toEqual([]);
    expect(
      table.filter((op) => !router.includes(op)),
      'rows for routes that do not exist',
    ).toEqual([]);
    const documented = await documentOperations();
    expect(
      [...documented.keys()].filter((op) => !table.includes(op)),
      'documented operations with no row',
    ).toEqual([]);
    // The document and the matrix agree on which operations need a token.
    const tokenGuards: Guard[] = ['user', 'conversation', 'message', 'admin'];
    const disagree = [...documented].filter(
      ([op, secured]) => secured !== tokenGuards.includes(MATRIX[op]?.guard as Guard),
    );
    expect(
      disagree.map(([op]) => op),
      'operations whose security differs from their guard',
    ).toEqual([]);
  });

  let owner: TestUser;
  let member: TestUser;
  const outsiders: Record<string, TestUser> = {};
  let group: string;
  let message: string;

  beforeAll(async () => {
    owner = await signUp('mo');
    member = await signUp('mm');
    const [leaver, removed, decliner, outsider] = await Promise.all([
      signUp('ml'),
      signUp('mr'),
      signUp('md'),
      signUp('mx'),
    ]);
    for (const friend of [member, leaver, removed]) await befriend(owner, friend);
    await setPolicy(decliner, 'everyone');
    const res = await owner.api('/v1/conversations', {
      body: { members: [member.handle, leaver.handle, removed.handle, decliner.handle], title: 'm' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    group = ((await res.json()) as { id: string }).id;
    message = (await send(owner, group, 'for members only')).id;
    expect((await leaver.api(`/v1/conversations/${group}/leave`, { method: 'POST' })).status).toBe(204);
    expect(
      (await owner.api(`/v1/conversations/${group}/members/${removed.handle}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await decliner.api(`/v1/conversations/${group}/decline`, { method: 'POST' })).status).toBe(204);
    Object.assign(outsiders, {
      outsider,
      'a member who left': leaver,
      'a removed member': removed,
      'a decliner': decliner,
    });
  }, 120_000);

  it('every authenticated operation without a token answers 401', async () => {
    for (const key of guarded(['user', 'conversation', 'message', 'admin'])) {
      const result = await hit(key, undefined, { id: group, handle: member.handle });
      expect([result.status, result.code], `${key} without a token: ${result.text}`).toEqual([
        401,
        'unauthorized',
      ]);
      checks += 1;
    }
  });

  it('every authenticated operation with a garbage token answers 401', async () => {
    for (const key of guarded(['user', 'conversation', 'message', 'admin'])) {
      const result = await hit(key, 'not.a.token', { id: group, handle: member.handle });
      expect(result.status, `${key} with a garbage token: ${result.text}`).toBe(401);
      checks += 1;
    }
  });

  it("every person's operation with a deleted account's token answers 401", async () => {
    const gone = await signUp('mg');
    const res = await gone.api('/v1/me', { method: 'DELETE', body: { password: gone.password } });
    expect(res.status).toBe(204);
    for (const key of guarded(['user', 'conversation', 'message'])) {
      const result = await hit(key, gone.accessToken, { id: group, handle: member.handle });
      expect(result.status, `${key} as a deleted account: ${result.text}`).toBe(401);
      checks += 1;
    }
  });

  it("every person's operation with a logged-out login's token answers 401", async () => {
    const user = await signUp('mq');
    const res = await call('/v1/auth/logout', { body: { refreshToken: user.refreshToken } });
    expect(res.status).toBe(204);
    for (const key of guarded(['user', 'conversation', 'message'])) {
      const result = await hit(key, user.accessToken, { id: group, handle: member.handle });
      expect(result.status, `${key} after logout: ${result.text}`).toBe(401);
      checks += 1;
    }
  });

  it("every person's operation with a suspended account's token answers 401", async () => {
    const user = await signUp('mu');
    const res = await call(`/v1/admin/users/${user.handle}/suspension`, {
      method: 'PUT',
      token: env.ADMIN_TOKEN,
    });
    expect(res.status).toBe(204);
    for (const key of guarded(['user', 'conversation', 'message'])) {
      const result = await hit(key, user.accessToken, { id: group, handle: member.handle });
      expect(result.status, `${key} while suspended: ${result.text}`).toBe(401);
      checks += 1;
    }
  });

  it('every conversation and message operation answers 404 to an outsider, a leaver, a removed member and a decliner', async () => {
    for (const [who, user] of Object.entries(outsiders)) {
      for (const key of guarded(['conversation'])) {
        const result = await hit(key, user.accessToken, { id: group, handle: member.handle });
        expect([result.status, result.code], `${key} as ${who}: ${result.text}`).toEqual([404, 'not_found']);
        expect(result.text).not.toContain('for members only');
        checks += 1;
      }
      for (const key of guarded(['message'])) {
        const result = await hit(key, user.accessToken, { id: message, handle: member.handle });
        expect([result.status, result.code], `${key} as ${who}: ${result.text}`).toEqual([404, 'not_found']);
        checks += 1;
      }
    }
    // The same rows still work for a member, so the 404s above are the guard's doing.
    const read = await hit('GET /v1/conversations/:id/messages', member.accessToken, {
      id: group,
      handle: '',
    });
    expect(read.status).toBe(200);
    expect(read.text).toContain('for members only');
  });

  it("every admin operation answers 401 to a person's token, and not to the admin token", async () => {
    for (const key of guarded(['admin'])) {
      const person = await hit(key, owner.accessToken, { id: 'r1', handle: member.handle });
      expect([person.status, person.code], `${key} as a person: ${person.text}`).toEqual([
        401,
        'unauthorized',
      ]);
      const admin = await hit(key, env.ADMIN_TOKEN, { id: 'r1', handle: member.handle });
      expect(admin.status, `${key} as the admin: ${admin.text}`).not.toBe(401);
      checks += 2;
    }
  });

  it("a request's sender never sees the recipient's read state", async () => {
    const [sender, recipient] = await Promise.all([signUp('ms'), signUp('mt')]);
    await setPolicy(recipient, 'everyone');
    const { conversation, message: first } = await dm(sender, recipient, 'hello?');
    expect(
      (await recipient.api(`/v1/conversations/${conversation.id}/read`, { body: { seq: first.seq } })).status,
    ).toBe(204);
    const view = (await (await sender.api(`/v1/conversations/${conversation.id}`)).json()) as {
      members: { handle: string; lastReadSeq: number | null }[];
    };
    expect(view.members.find((m) => m.handle === recipient.handle)?.lastReadSeq).toBeNull();
    checks += 1;
    console.info(`authorization matrix: ${Object.keys(MATRIX).length} operations, ${checks} checks`);
  });
});
