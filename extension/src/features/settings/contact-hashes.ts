/** Contact sync: identifiers are read from a file and hashed here, in the browser; only hashes leave it. */

export interface ParsedContacts {
  phones: string[];
  emails: string[];
}

const MAX_HASHES = 5000;

/** An email as the API expects it before hashing: trimmed and lower-cased, or null if it is not one. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/**
 * A phone number in E.164 (`+31612345678`). Numbers written without a country code take
 * `countryCode` (digits, e.g. "31"), dropping the national trunk "0"; without one they are skipped.
 */
export function normalisePhone(raw: string, countryCode: string): string | null {
  const compact = raw.replace(/[\s().\-/]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else {
    const cc = countryCode.replace(/\D/g, '');
    if (!cc) return null;
    // Italy keeps its leading 0 in international form; elsewhere the trunk 0 is dropped.
    digits = cc + (cc === '39' ? compact : compact.replace(/^0/, ''));
  }
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
}

/** Phones and emails in a vCard file (TEL and EMAIL properties, any parameters or groups). */
export function parseVcf(text: string): ParsedContacts {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  const phones: string[] = [];
  const emails: string[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    const match = /^(?:[\w-]+\.)?(TEL|EMAIL)(?:;[^:]*)?:(.*)$/i.exec(line.trim());
    if (!match?.[1] || match[2] === undefined) continue;
    const value = match[2].replace(/^tel:/i, '').replace(/^mailto:/i, '');
    (match[1].toUpperCase() === 'TEL' ? phones : emails).push(value);
  }
  return { phones, emails };
}

function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"' && quoted && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if ((char === ',' || char === ';') && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** Phones and emails in any column of a CSV export (Google, Outlook or a plain list). */
export function parseCsv(text: string): ParsedContacts {
  const phones: string[] = [];
  const emails: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const raw of csvCells(line)) {
      const cell = raw.trim();
      if (cell.includes('@')) emails.push(cell);
      else if (/^\+?[\d\s().\-/]{6,}$/.test(cell) && cell.replace(/\D/g, '').length >= 6) phones.push(cell);
    }
  }
  return { phones, emails };
}

/** Lower-case hex SHA-256 of a string (UTF-8). */
export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hashes to upload for a contacts file: normalised, de-duplicated, at most 5000. */
export async function hashContactsFile(name: string, text: string, countryCode: string): Promise<string[]> {
  const parsed = /\.vcf$/i.test(name) || /BEGIN:VCARD/i.test(text) ? parseVcf(text) : parseCsv(text);
  const identifiers = new Set<string>();
  for (const phone of parsed.phones) {
    const normal = normalisePhone(phone, countryCode);
    if (normal) identifiers.add(normal);
  }
  for (const email of parsed.emails) {
    const normal = normaliseEmail(email);
    if (normal) identifiers.add(normal);
  }
  const list = [...identifiers].slice(0, MAX_HASHES);
  return Promise.all(list.map(sha256Hex));
}

/** A guess of the user's country calling code from the browser language ("nl-NL" → "31"). */
export function guessCountryCode(language: string): string {
  const region = language.split('-')[1]?.toUpperCase() ?? language.toUpperCase();
  const codes: Record<string, string> = {
    NL: '31',
    BE: '32',
    FR: '33',
    IT: '39',
    GB: '44',
    US: '1',
    DE: '49',
    CH: '41',
  };
  return codes[region] ?? '';
}
