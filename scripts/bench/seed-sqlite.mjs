import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * The SQLite file behind a local D1 that `wrangler d1 migrations apply --local --persist-to` made (one
 * database, so one file). Written while no `wrangler dev` has it open.
 */
export function localD1File(persistTo) {
  const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (files.length !== 1) throw new Error(`expected one local D1 database in ${dir}, found ${files.length}`);
  return join(dir, files[0]);
}

/**
 * Writes the world's rows straight into the migrated SQLite file, in one transaction, through the same
 * SQLite that D1 runs on. Only the columns the migrated table has are written, so the seed follows the
 * schema; a NOT NULL column without a default that the world does not fill fails loudly here.
 */
export function writeRows(file, rows) {
  const db = new DatabaseSync(file);
  const counts = {};
  try {
    db.exec('begin');
    for (const [table, list] of Object.entries(rows)) {
      if (list.length === 0) continue;
      const info = db.prepare(`pragma table_info(${table})`).all();
      if (info.length === 0) throw new Error(`no table ${table} in the migrated schema`);
      const given = new Set(Object.keys(list[0]));
      for (const column of info) {
        if (column.notnull && column.dflt_value === null && !column.pk && !given.has(column.name))
          throw new Error(`the seed does not fill ${table}.${column.name}`);
      }
      const columns = info.map((c) => c.name).filter((name) => given.has(name));
      const insert = db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      for (const row of list) insert.run(...columns.map((c) => row[c] ?? null));
      counts[table] = list.length;
    }
    db.exec('commit');
  } catch (error) {
    db.exec('rollback');
    throw error;
  } finally {
    db.close();
  }
  return counts;
}
