import { fromHex, timingSafeEqual, toHex } from '../../lib/crypto.ts';

export const PBKDF2_ITERATIONS = 100_000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return toHex(bits);
}

/** PBKDF2-SHA256 with a fresh 16-byte salt; iterations are stored so they can be raised later. */
export async function hashPassword(password: string) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    passwordHash: await derive(password, salt, PBKDF2_ITERATIONS),
    salt: toHex(salt),
    iterations: PBKDF2_ITERATIONS,
  };
}

export async function verifyPassword(
  password: string,
  stored: { passwordHash: string; salt: string; iterations: number },
): Promise<boolean> {
  return timingSafeEqual(
    await derive(password, fromHex(stored.salt), stored.iterations),
    stored.passwordHash,
  );
}

/** A hash of a password nobody has, so unknown handles cost the same time as wrong passwords. */
export const DUMMY_CREDENTIALS = {
  passwordHash: '0'.repeat(64),
  salt: '00000000000000000000000000000000',
  iterations: PBKDF2_ITERATIONS,
};
