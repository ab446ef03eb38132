import { describe, expect, it } from 'vitest';
import { documentedOperations } from './documented-operations.ts';
import { call, signUp } from './helpers.ts';

/**
 * Sweeps every operation of the API with hostile input: whatever arrives, the answer is a 4xx in the
 * contract's error shape (or a success for harmless input), never a 500 and never a stack trace.
 */

const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

const hostileParams = [
  'x',
  'a'.repeat(300),
  '%00',
  "1' or '1'='1",
  '..%2F..%2Fetc',
  '🙂',
  'nonexistent_id_000000000000',
];
const hostileBodies: unknown[] = [
  '{"unterminated": ',
  '[]',
  'null',
  '"a string"',
  '12',
  { text: 5, clientId: [], members: 'alice', handles: {}, seq: 'nine', emoji: 7, action: 'nuke', reason: {} },
  { nested: { deeper: { deepest: Array.from({ length: 50 }, () => ({ x: 1 })) } } },
  { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
];
const hostileQueries = [
  '?limit=-1',
  '?limit=abc',
  '?cursor=%%%',
  '?before=1&after=2',
  '?box=trash',
  `?q=${'q'.repeat(500)}`,
  '?status=maybe',
];

function fill(path: string, value: string) {
  return path.replace(/\{\w+\}/g, encodeURIComponent(value).replace(/%25/g, '%'));
}

async function expectClientError(res: Response, label: string) {
  const text = await res.text();
  expect(res.status, `${label} → ${res.status} ${text}`).toBeLessThan(500);
  expect(text, label).not.toMatch(/SQLITE|at \w+ \(|\.ts:\d+/);
  if (res.status >= 400) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, label).toBe('string');
    expect(typeof body.error?.message, label).toBe('string');
  }
}

describe('every operation, hostile input', () => {
  it('answers 401 in the contract shape when the token is missing', async () => {
    const operations = await documentedOperations();
    expect(operations.length).toBeGreaterThan(40);
    for (const op of operations.filter((o) => o.auth !== 'none')) {
      const res = await call(fill(op.path, 'x'), {
        method: op.method.toUpperCase(),
        body: op.method === 'get' ? undefined : {},
      });
      const label = `${op.method} ${op.path}`;
      expect(res.status, label).toBe(401);
      await expectClientError(res, label);
    }
  });

  // Hundreds of requests in one test: on a loaded machine it needs more than the default 5 s.
  it('never answers 500 to hostile path parameters, bodies or queries', { timeout: 60_000 }, async () => {
    const user = await signUp('fuzzer');
    for (const op of await documentedOperations()) {
      const token = op.auth === 'admin' ? ADMIN_TOKEN : op.auth === 'user' ? user.accessToken : undefined;
      const method = op.method.toUpperCase();
      for (const param of hostileParams) {
        const path = fill(op.path, param);
        await expectClientError(
          await call(path, { method, token, body: method === 'GET' ? undefined : {} }),
          `${method} ${path}`,
        );
      }
      if (method !== 'GET') {
        for (const body of hostileBodies) {
          const path = fill(op.path, 'x');
          await expectClientError(
            await call(path, { method, token, body }),
            `${method} ${path} ${JSON.stringify(body)}`,
          );
        }
      }
      for (const query of hostileQueries) {
        const path = fill(op.path, 'x') + query;
        await expectClientError(await call(path, { method, token }), `${method} ${path}`);
      }
    }
  });
});
