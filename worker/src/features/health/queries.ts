import { sql } from 'drizzle-orm';
import type { Db } from '../../env.ts';

/** One real round trip to D1, so a broken database binding shows on the health check, not on a message. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.get(sql`select 1 as ok`);
}
