/**
 * Rules for the short strings other people see as names: display names and group titles (API.md "Text
 * and headers"). Each is NFC, trimmed, 1–50 characters, and may not hold control characters (C0, C1),
 * bidi overrides or isolates (which can make "evil‮gnp.exe" read as "evilexe.png"), or be made only of
 * invisible characters. A display name may not be the name deleted accounts carry.
 */

/** C0 and C1 control characters, DEL included (the category Cc is exactly those): never part of a name. */
const CONTROL = /\p{Cc}/u;

/** Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/**
 * Characters that show nothing: white space, default-ignorable code points (zero-width spaces and
 * joiners, word joiners, variation selectors, Hangul fillers…), other format characters, and the blank
 * Braille pattern. A name made only of these looks empty.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/gu;

/** The name a deleted account shows (the worker writes it; nobody may take it). */
export const DELETED_ACCOUNT_NAME = 'Deleted account';

/** Why `text` (already normalized) may not be a name or title, or null when it may. */
export function displayTextProblem(text: string): string | null {
  if (CONTROL.test(text)) return 'control characters are not allowed';
  if (BIDI_CONTROL.test(text)) return 'bidi overrides and isolates are not allowed';
  if (text.replace(INVISIBLE, '') === '') return 'must contain a visible character';
  return null;
}

/** Whether `text` reads as the deleted-account name, whatever its case, width or invisible padding. */
export function isReservedName(text: string): boolean {
  const folded = text.normalize('NFKC').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return folded === DELETED_ACCOUNT_NAME.toLowerCase();
}
