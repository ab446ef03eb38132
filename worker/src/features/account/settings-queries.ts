import type { Settings } from '@clipdm/shared';
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';

/**
 * Every live account has a settings row; only a deleted one has none, and its logins are gone, so the
 * login check answers 401 first. Should a caller still get here, it is signed out, never a 500.
 */
const accountGone = () => new ApiError('unauthorized', 'This account no longer exists');

export async function getSettings(db: Db, userId: string): Promise<Settings> {
  const [row] = await db.select().from(settings).where(eq(settings.userId, userId)).limit(1);
  if (!row) throw accountGone();
  return { dmPolicy: row.dmPolicy, readReceipts: row.readReceipts };
}

export async function updateSettings(db: Db, userId: string, patch: Partial<Settings>): Promise<Settings> {
  if (Object.keys(patch).length === 0) return getSettings(db, userId);
  const [row] = await db.update(settings).set(patch).where(eq(settings.userId, userId)).returning();
  if (!row) throw accountGone();
  return { dmPolicy: row.dmPolicy, readReceipts: row.readReceipts };
}
