import { Column, is, type SQL, sql } from 'drizzle-orm';

/** The fields of a select, as drizzle's `select({...})` takes them. */
type Fields = Record<string, Column | SQL>;

/**
 * `<field> as "<key>", …`: the select list of a raw statement (one run by `runAsTransaction`) whose rows
 * come back keyed by the fields' own names, so no two joined columns can share a name: D1 returns object
 * rows, and drizzle's batch maps same-named columns shifted by one (drizzle-orm#6038, "db.batch() shifts
 * column values for duplicate column names on Cloudflare D1").
 */
export function selectList(fields: Fields): SQL {
  return sql.join(
    Object.entries(fields).map(([key, field]) => sql`${field} as ${sql.identifier(key)}`),
    sql`, `,
  );
}

/** One row of a `selectList(fields)` statement as drizzle would have mapped it (booleans and the like). */
export function rowOf<T>(fields: Fields, raw: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = raw[key] ?? null;
    row[key] = is(field, Column) && value !== null ? field.mapFromDriverValue(value) : value;
  }
  return row as T;
}
