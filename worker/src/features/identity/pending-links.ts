import { and, eq, gt, lt } from 'drizzle-orm';
import { pendingLinks } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import type { Provider } from './flow-queries.ts';
import { randomUrlSafe } from './pkce.ts';

/**
 * Link flows end in two steps. A link ticket can be put into a `start` URL and sent to someone else: had
 * the callback linked at once, whoever allowed on the provider's page (the victim) would have linked
 * their site or Facebook account to the ticket holder's (the attacker's). So the callback only parks
 * the result under a one-time code, and the account that asked confirms it with its own token.
 */

const PENDING_TTL_MS = 2 * 60_000;

export async function parkLink(
  db: Db,
  provider: Provider,
  userId: string,
  payload: unknown,
  now = Date.now(),
) {
  const code = randomUrlSafe();
  await db.batch([
    db.delete(pendingLinks).where(lt(pendingLinks.expiresAt, now)),
    db.insert(pendingLinks).values({
      codeHash: await sha256Hex(code),
      provider,
      userId,
      payload: JSON.stringify(payload),
      expiresAt: now + PENDING_TTL_MS,
    }),
  ]);
  return code;
}

/**
 * The parked result of `code`, spent in one statement, when it is live and was parked for `userId`; a
 * code confirmed by any other account is spent too, so a leaked code cannot be tried twice.
 */
export async function takeParkedLink(
  db: Db,
  provider: Provider,
  code: string,
  userId: string,
  now = Date.now(),
) {
  const [row] = await db
    .delete(pendingLinks)
    .where(
      and(
        eq(pendingLinks.codeHash, await sha256Hex(code)),
        eq(pendingLinks.provider, provider),
        gt(pendingLinks.expiresAt, now),
      ),
    )
    .returning();
  if (!row || row.userId !== userId) return null;
  return JSON.parse(row.payload) as unknown;
}
