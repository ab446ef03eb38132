/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

/**
 * The tables a move to conversation partitions would take along (docs/scaling.md) are read and written only
 * in src/conversation-store/. Biome's noRestrictedImports keeps their drizzle names out of other files; this
 * test catches what an import rule cannot see: raw SQL naming them, and the schema imported as a namespace.
 * The sources come in through Vite's glob at bundle time, as workerd has no file system to read them from.
 */
const sources = import.meta.glob<string>('../src/**/*.ts', { query: '?raw', import: 'default', eager: true });

const MOVING = 'conversations|members|messages|reactions|hidden_messages';
const SQL_NAMING_A_MOVING_TABLE = new RegExp(`\\b(from|join|into|update)\\s+(${MOVING})\\b`, 'gi');
const SCHEMA_AS_NAMESPACE = /import\s+(type\s+)?\*\s+as\s+\w+\s+from\s+'[^']*db\/schema/g;

/** Code without its comments, so prose such as "read from messages" is no SQL. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function offences(source: string): string[] {
  const code = withoutComments(source);
  return [
    ...[...code.matchAll(SQL_NAMING_A_MOVING_TABLE)].map((m) => m[0]),
    ...[...code.matchAll(SCHEMA_AS_NAMESPACE)].map((m) => m[0]),
  ];
}

const inStore = (path: string) =>
  path.startsWith('../src/conversation-store/') || path.startsWith('../src/db/');

describe('the conversation store boundary', () => {
  it('no file outside conversation-store/ and db/ names a moving table in SQL', () => {
    const outside = Object.entries(sources).filter(([path]) => !inStore(path));
    expect(outside.length).toBeGreaterThan(50);
    const found = outside.flatMap(([path, source]) => offences(source).map((hit) => `${path}: ${hit}`));
    expect(found).toEqual([]);
  });

  it('sees the raw SQL the store itself writes (the scan is no blind one)', () => {
    const send = sources['../src/conversation-store/send.ts'] ?? '';
    expect(offences(send)).toEqual(
      expect.arrayContaining(['into messages', 'update conversations', 'update members', 'from messages']),
    );
    expect(offences("import * as schema from '../db/schema.ts';")).toHaveLength(1);
    expect(offences('// rows read from members, in prose')).toEqual([]);
  });
});
