import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dm } from './chat-helpers.ts';
import { befriend, call, signUp, type TestUser } from './helpers.ts';

/**
 * Fuzzing from the OpenAPI document: for every operation, bodies, query strings and path parameters are
 * drawn from the operation's own schemas (valid values) and then mutated (wrong types, missing fields,
 * hostile strings). Whatever arrives, the answer is never a 5xx, a refusal always has the contract's error
 * shape, and no body carries a stack trace, SQL, or a stranger's private message.
 */

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

interface Operation {
  method: string;
  path: string;
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}

const HOSTILE = [
  "' OR 1=1 --",
  '"; DROP TABLE messages; --',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e',
  '<script>alert(1)</script>',
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  '{}',
  '🙂'.repeat(50),
];

const hostile = fc.constantFrom(...HOSTILE);

/** The document's `components.schemas`, for `$ref`s (set once the document is read). */
let components: Record<string, JsonSchema> = {};

/** A value that satisfies `schema` as far as a generator can tell. Hand-written: no kept library turns JSON Schema into fast-check arbitraries for fast-check 4. */
function valid(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.constant(null);
  if (schema.$ref) return valid(components[schema.$ref.replace('#/components/schemas/', '')], depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((s) => valid(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date') return fc.constantFrom('1990-04-12', '2015-01-01', '2999-12-31');
      if (schema.pattern) {
        try {
          return fc
            .stringMatching(new RegExp(schema.pattern))
            .map((s) => s.slice(0, schema.maxLength ?? 200));
        } catch {
          // A pattern JavaScript cannot compile: plain strings below.
        }
      }
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 1_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid(schema.items, depth + 1), { maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'object': {
      const entries = Object.entries(schema.properties ?? {}).map(
        ([k, s]) => [k, valid(s, depth + 1)] as [string, fc.Arbitrary<unknown>],
      );
      return fc.record(Object.fromEntries(entries), {
        requiredKeys: (schema.required ?? []).filter((k) => k in (schema.properties ?? {})),
      });
    }
    default:
      return fc.jsonValue();
  }
}

/** Valid values half the time; otherwise one field broken, the whole thing replaced, or hostile text. */
function mutated(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const base = valid(schema);
  return fc.oneof(
    { weight: 4, arbitrary: base },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: hostile },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.string({ maxLength: 12 }), fc.oneof(hostile, fc.jsonValue()))
        .map(([v, k, bad]) => {
          if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad;
          const keys = Object.keys(v);
          const copy: Record<string, unknown> = { ...v };
          const target = keys.length ? (keys[k.length % keys.length] as string) : k;
          if (k.length % 3 === 0) delete copy[target];
          else copy[target] = bad;
          return copy;
        }),
    },
  );
}

/** Cases per operation: ~1200 in all, about 15 s in workerd on this machine. */
const RUNS_PER_OPERATION = 25;
/**
 * A fixed seed, so `npm test` replays the same cases on every machine and a failure in CI is reproducible;
 * change it locally to explore new cases (fast-check prints the seed and path of any failure).
 */
const SEED = 20_261_129;

const LEAK = /\bat \S+ \(|\.ts:\d+|SQLITE|D1_ERROR|\bselect\b.+\bfrom\b|\binsert into\b|"stack"/i;
const VICTIM_SECRET = 'victim-secret-7c1f';

describe('fuzzing every operation of the OpenAPI document', () => {
  let fuzzer: TestUser;
  let operations: Operation[] = [];
  const ids: string[] = [];
  const handles: string[] = [];

  beforeAll(async () => {
    const [victim, friend] = await Promise.all([signUp('vv'), signUp('vf')]);
    fuzzer = await signUp('fz');
    const other = await signUp('fo');
    await befriend(victim, friend);
    await befriend(fuzzer, other);
    const secret = await dm(victim, friend, VICTIM_SECRET);
    const own = await dm(fuzzer, other, 'the fuzzer writes');
    ids.push(secret.conversation.id, secret.message.id, own.conversation.id, own.message.id);
    handles.push(victim.handle, friend.handle, other.handle);
    const doc = (await (await call('/v1/openapi.json')).json()) as {
      components?: { schemas?: Record<string, JsonSchema> };
      paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
    };
    components = doc.components?.schemas ?? {};
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
    );
  }, 60_000);

  it('never a 5xx, always the error shape, never a trace, SQL or a stranger’s message', async () => {
    expect(operations.length).toBeGreaterThan(40);
    let cases = 0;
    const statuses = new Map<number, number>();
    for (const op of operations) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const request = fc.record({
        path: fc.tuple(
          ...pathParams.map((p) =>
            fc.oneof(
              fc.constantFrom(...(p.name === 'handle' ? handles : ids)),
              fc.string({ maxLength: 30 }),
              hostile,
            ),
          ),
        ),
        query: fc.tuple(...queryParams.map((p) => fc.option(mutated(p.schema), { nil: undefined }))),
        body: mutated(op.requestBody?.content['application/json'].schema),
        signedIn: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ path, query, body, signedIn }) => {
          let url = op.path;
          pathParams.forEach((p, i) => {
            url = url.replace(`{${p.name}}`, encodeURIComponent(String(path[i])));
          });
          const search = new URLSearchParams();
          queryParams.forEach((p, i) => {
            if (query[i] !== undefined)
              search.set(p.name, typeof query[i] === 'string' ? query[i] : JSON.stringify(query[i]));
          });
          if (search.size) url += `?${search}`;
          const res = await call(url, {
            method: op.method,
            token: signedIn ? fuzzer.accessToken : undefined,
            body: op.requestBody || op.method !== 'GET' ? body : undefined,
          });
          const text = await res.text();
          cases += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const where = `${op.method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
          expect(res.status, where).toBeLessThan(500);
          expect(text, where).not.toMatch(LEAK);
          expect(text, where).not.toContain(VICTIM_SECRET);
          if (res.status >= 400) {
            const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
            expect(typeof parsed.error?.code, where).toBe('string');
            expect(typeof parsed.error?.message, where).toBe('string');
          }
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED + operations.indexOf(op) },
      );
    }
    const summary = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.info(`fuzz: ${cases} cases over ${operations.length} operations, seed ${SEED} (${summary})`);
  }, 240_000);
});
