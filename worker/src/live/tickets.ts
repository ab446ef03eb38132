import { and, eq, exists, isNull, lt, sql } from 'drizzle-orm';
import { logins, streamTickets, users } from '../db/schema.ts';
import type { Db } from '../env.ts';
import { randomToken, sha256Hex } from '../lib/crypto.ts';

export const STREAM_TICKET_TTL_MS = 30_000;

/**
 * Issues a single-use stream ticket for a live account's login and returns it (only its hash is stored),
 * or null when the account is gone. The same batch sweeps tickets that expired unused, so the table stays
 * small.
 */
export async function issueStreamTicket(
  db: Db,
  { userId, loginId }: { userId: string; loginId: string },
  now = Date.now(),
): Promise<string | null> {
  const ticket = randomToken();
  const ticketHash = await sha256Hex(ticket);
  const [, inserted] = await db.batch([
    db.delete(streamTickets).where(lt(streamTickets.expiresAt, now)),
    db
      .insert(streamTickets)
      .select(
        db
          .select({
            ticketHash: sql<string>`${ticketHash}`.as('ticket_hash'),
            userId: users.id,
            loginId: sql<string>`${loginId}`.as('login_id'),
            expiresAt: sql<number>`${now + STREAM_TICKET_TTL_MS}`.as('expires_at'),
          })
          .from(users)
          .where(and(eq(users.id, userId), isNull(users.deletedAt))),
      )
      .returning({ userId: streamTickets.userId }),
  ]);
  return inserted.length > 0 ? ticket : null;
}

/**
 * Spends a ticket and returns whose it was (user and login), or null for an unknown, spent or expired one,
 * or one whose login has ended since. `DELETE … RETURNING` makes spending atomic: of two requests racing
 * with one ticket, only one gets the row.
 */
export async function consumeStreamTicket(
  db: Db,
  ticket: string,
  now = Date.now(),
): Promise<{ userId: string; loginId: string } | null> {
  const liveLogin = db
    .select({ one: sql`1` })
    .from(logins)
    .where(and(eq(logins.id, streamTickets.loginId), isNull(logins.revokedAt)));
  const [row] = await db
    .delete(streamTickets)
    .where(and(eq(streamTickets.ticketHash, await sha256Hex(ticket)), exists(liveLogin)))
    .returning({
      userId: streamTickets.userId,
      loginId: streamTickets.loginId,
      expiresAt: streamTickets.expiresAt,
    });
  return row?.loginId && row.expiresAt > now ? { userId: row.userId, loginId: row.loginId } : null;
}
