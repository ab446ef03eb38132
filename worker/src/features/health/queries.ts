import { users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';

/**
 * One real round trip to D1 that reads a table, so a broken database binding or a database without the
 * migrations shows on the health check, not on a message. An empty table answers no row, which is fine.
 */
export async function pingDatabase(db: Db): Promise<void> {
  await db.select({ id: users.id }).from(users).limit(1);
}
