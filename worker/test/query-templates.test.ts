import { env } from 'cloudflare:test';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { queryTemplate } from '../src/db/query-templates.ts';
import { runAsTransaction } from '../src/db/raw-batch.ts';
import { users } from '../src/db/schema.ts';
import { signUp } from './helpers.ts';

const db = drizzle(env.DB);

describe('queryTemplate', () => {
  it('builds once, and each use reads with its own values', async () => {
    const [ann, ben] = await Promise.all([signUp('tmpl_ann'), signUp('tmpl_ben')]);
    let builds = 0;
    const byId = queryTemplate((builder) => {
      builds += 1;
      return [
        builder
          .select({ handle: users.handle })
          .from(users)
          .where(eq(users.id, sql.placeholder('id'))),
      ] as const;
    });
    const [annRows] = await runAsTransaction(db, byId.fill({ id: ann.user.id }));
    const [benRows] = await runAsTransaction(db, byId.fill({ id: ben.user.id }));
    const [noRows] = await runAsTransaction(db, byId.fill({ id: 'nobody' }));
    expect(annRows).toEqual([{ handle: ann.user.handle }]);
    expect(benRows).toEqual([{ handle: ben.user.handle }]);
    expect(noRows).toEqual([]);
    expect(builds).toBe(1);
  });

  it('refuses a use that leaves a placeholder without a value', () => {
    const byId = queryTemplate(
      (builder) =>
        [
          builder
            .select()
            .from(users)
            .where(eq(users.id, sql.placeholder('id'))),
        ] as const,
    );
    expect(() => byId.fill({ other: 'x' })).toThrow(/placeholder "id"/);
  });
});
