import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { linkTickets, oauthStates } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { randomUrlSafe } from './pkce.ts';

/** Provider flows in flight (`state` + PKCE verifier) and the tickets that start a link flow. */

const STATE_TTL_MS = 10 * 60_000;
const TICKET_TTL_MS = 5 * 60_000;

export type Provider = 'site' | 'facebook';

/**
 * Starts a flow: a fresh `state` and PKCE verifier stored together (only the state's hash is the key), so
 * the callback can only ever use the verifier of the flow it belongs to. Expired flows are swept here.
 */
export async function startFlow(
  db: Db,
  input: { provider: Provider; returnUrl: string; linkUserId: string | null },
  now = Date.now(),
) {
  const state = randomUrlSafe();
  const codeVerifier = randomUrlSafe();
  await db.batch([
    db.delete(oauthStates).where(lt(oauthStates.expiresAt, now)),
    db.insert(oauthStates).values({
      stateHash: await sha256Hex(state),
      provider: input.provider,
      codeVerifier,
      returnUrl: input.returnUrl,
      linkUserId: input.linkUserId,
      expiresAt: now + STATE_TTL_MS,
    }),
  ]);
  return { state, codeVerifier };
}

/**
 * Uses the flow of `state`: one statement marks it used, so of two callbacks with the same state only one
 * gets the flow. A reused or expired state still knows its return page, to be told `invalid_state`.
 */
export async function takeFlow(db: Db, provider: Provider, state: string, now = Date.now()) {
  const stateHash = await sha256Hex(state);
  const ofState = and(eq(oauthStates.stateHash, stateHash), eq(oauthStates.provider, provider));
  const [fresh] = await db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(and(ofState, isNull(oauthStates.usedAt), gt(oauthStates.expiresAt, now)))
    .returning();
  if (fresh) return { status: 'ok' as const, flow: fresh };
  const [stale] = await db.select({ returnUrl: oauthStates.returnUrl }).from(oauthStates).where(ofState);
  return stale ? { status: 'stale' as const, returnUrl: stale.returnUrl } : { status: 'unknown' as const };
}

/** A single-use ticket (5 minutes) that lets `start` link a provider account to `userId`. */
export async function issueLinkTicket(db: Db, provider: Provider, userId: string, now = Date.now()) {
  const ticket = randomToken();
  await db.batch([
    db.delete(linkTickets).where(lt(linkTickets.expiresAt, now)),
    db.insert(linkTickets).values({
      ticketHash: await sha256Hex(ticket),
      provider,
      userId,
      expiresAt: now + TICKET_TTL_MS,
    }),
  ]);
  return ticket;
}

/** The user a live ticket was issued to, spending it; `null` for an unknown, spent or expired one. */
export async function spendLinkTicket(db: Db, provider: Provider, ticket: string, now = Date.now()) {
  const [row] = await db
    .delete(linkTickets)
    .where(
      and(
        eq(linkTickets.ticketHash, await sha256Hex(ticket)),
        eq(linkTickets.provider, provider),
        gt(linkTickets.expiresAt, now),
      ),
    )
    .returning({ userId: linkTickets.userId });
  return row?.userId ?? null;
}
