import type { Settings } from '@clipdm/shared';
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema.ts';
import type { Db } from '../../env.ts';

export async function getSettings(db: Db, userId: string): Promise<Settings> {
  const [row] = await db.select().from(settings).where(eq(settings.userId, userId)).limit(1);
  if (!row) throw new Error(`settings row missing for ${userId}`);
  return { dmPolicy: row.dmPolicy, readReceipts: row.readReceipts };
}

export async function updateSettings(db: Db, userId: string, patch: Partial<Settings>): Promise<Settings> {
  if (Object.keys(patch).length === 0) return getSettings(db, userId);
  const [row] = await db.update(settings).set(patch).where(eq(settings.userId, userId)).returning();
  if (!row) throw new Error(`settings row missing for ${userId}`);
  return { dmPolicy: row.dmPolicy, readReceipts: row.readReceipts };
}
