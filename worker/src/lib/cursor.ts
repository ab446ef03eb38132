import { ApiError } from './api-error.ts';

/** Opaque page cursors: base64url of a small JSON tuple, so clients cannot depend on what is inside. */
export function encodeCursor(parts: (string | number)[]): string {
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const parts: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (
      Array.isArray(parts) &&
      parts.length === length &&
      parts.every((p) => typeof p === 'string' || typeof p === 'number')
    ) {
      return parts;
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError('invalid_request', 'The cursor is not valid', {
    details: { issues: [{ path: 'cursor', message: 'not a cursor this API issued' }] },
  });
}

/** The `(at, id)` keyset of a list page's cursor, or `null` for the first page; a forged cursor is a 400. */
export function decodeKeyset(cursor: string | undefined): { at: string; id: string } | null {
  const parts = decodeCursor(cursor, 2);
  return parts ? { at: String(parts[0]), id: String(parts[1]) } : null;
}
