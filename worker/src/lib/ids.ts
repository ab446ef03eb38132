const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A new opaque id: a millisecond timestamp then 80 random bits, in Crockford base32 (26 characters),
 * so ids sort by creation time and never collide in practice.
 */
export function newId(now = Date.now()): string {
  let time = '';
  let rest = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  let tail = '';
  for (const byte of random) tail += ALPHABET[byte % 32];
  return time + tail;
}
