import { type IdentifierKind, identifierHint, normalizeIdentifier } from '@clipdm/shared';
import type { Db, Env } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { hmacHex, sha256Hex, timingSafeEqual } from '../../lib/crypto.ts';
import { identifierCodeLimit } from '../../lib/limits.ts';
import { logEvent } from '../../lib/log.ts';
import { admit } from '../../lib/rate-limits.ts';
import { keyHashes } from '../contacts/queries.ts';
import { ProviderError } from '../identity/provider-fetch.ts';
import { confirmIdentifier, saveCode, spendTry } from './queries.ts';
import { SenderUnavailable, senderFor } from './senders.ts';

/** The identifier as contacts hold it: the client's SHA-256 of the normalised value, keyed again. */
async function keyedHashOf(env: Env, kind: IdentifierKind, value: string) {
  const normalized = normalizeIdentifier(kind, value);
  if (!normalized) throw new ApiError('invalid_request', 'Not an email address or phone number');
  const [keyed] = await keyHashes(env.CONTACTS_PEPPER, [await sha256Hex(normalized)]);
  return { normalized, keyedHash: keyed as string };
}

/** Six random digits, drawn without modulo bias. */
function sixDigits(): string {
  const limit = 4_294_000_000; // the largest multiple of 1 000 000 below 2^32
  for (;;) {
    const [value] = crypto.getRandomValues(new Uint32Array(1));
    if (value !== undefined && value < limit) return String(value % 1_000_000).padStart(6, '0');
  }
}

/** Codes are kept only as an HMAC bound to the identifier, so a leaked row does not give the code away. */
function codeHashOf(env: Env, keyedHash: string, code: string) {
  return hmacHex(env.CONTACTS_PEPPER, `${keyedHash}:${code}`);
}

/** `POST /v1/me/identifiers`: a fresh code to the email or phone, at most 5 an hour per account. */
export async function sendIdentifierCode(
  db: Db,
  env: Env,
  userId: string,
  body: { kind: IdentifierKind; value: string },
) {
  const { normalized, keyedHash } = await keyedHashOf(env, body.kind, body.value);
  // Counted and checked in one transaction, so a parallel burst sends no more codes than a serial one.
  await admit(db, identifierCodeLimit(userId), 'Too many codes; try again later');
  const code = sixDigits();
  await saveCode(db, {
    userId,
    keyedHash,
    kind: body.kind,
    hint: identifierHint(body.kind, normalized),
    codeHash: await codeHashOf(env, keyedHash, code),
  });
  try {
    await senderFor(env, db, body.kind).send({
      to: normalized,
      code,
      text: `${code} is your ClipDM code. It expires in 15 minutes. If you did not ask for it, ignore this message.`,
    });
  } catch (error) {
    if (!(error instanceof SenderUnavailable || error instanceof ProviderError)) throw error;
    logEvent('error', { event: 'identifier_code_not_sent', kind: body.kind, detail: error.message });
    // The sender (or its provider) is down or not configured: a 503 the client may retry, never a 500.
    throw new ApiError('unavailable', 'The code could not be sent; try again later', {
      headers: { 'Retry-After': '60' },
    });
  }
}

/** `POST /v1/me/identifiers/confirm`: the right code within 15 minutes and 5 tries verifies it. */
export async function confirmIdentifierCode(
  db: Db,
  env: Env,
  userId: string,
  body: { kind: IdentifierKind; value: string; code: string },
) {
  const { keyedHash } = await keyedHashOf(env, body.kind, body.value);
  const pending = await spendTry(db, userId, keyedHash);
  const expected = await codeHashOf(env, keyedHash, body.code);
  if (!pending || pending.kind !== body.kind || !timingSafeEqual(pending.codeHash, expected)) {
    throw new ApiError('invalid_request', 'Wrong or expired code', {
      details: { issues: [{ path: 'code', message: 'wrong or expired' }] },
    });
  }
  return confirmIdentifier(db, { userId, keyedHash, kind: body.kind, hint: pending.hint });
}
