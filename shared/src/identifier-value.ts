/** How an email or phone number is written before it is hashed, so a contact and an identifier meet. */

export type IdentifierKind = 'email' | 'phone';

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The normalised form of an identifier (email trimmed and lower-cased; phone in E.164 with spaces,
 * dashes, dots and brackets dropped), or `null` when it is not one.
 */
export function normalizeIdentifier(kind: IdentifierKind, value: string): string | null {
  if (kind === 'email') {
    const email = value.trim().toLowerCase();
    return email.length <= 254 && EMAIL.test(email) ? email : null;
  }
  const phone = value.trim().replace(/[\s\-.()]/g, '');
  return E164.test(phone) ? phone : null;
}

/**
 * A hint that lets the owner recognise a normalised identifier without showing it whole:
 * `a•••@example.com`, `+31•••••678`.
 */
export function identifierHint(kind: IdentifierKind, normalized: string): string {
  if (kind === 'email') {
    const at = normalized.lastIndexOf('@');
    return `${normalized.slice(0, 1)}•••${normalized.slice(at)}`;
  }
  // Always five dots: the hint does not tell the number's length either.
  return `${normalized.slice(0, 3)}•••••${normalized.slice(-3)}`;
}
