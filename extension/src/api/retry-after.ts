/**
 * The seconds a `Retry-After` header asks for: delta-seconds ("120") or an HTTP-date, counted from
 * `now` (RFC 9110 §10.2.3). A date already past is 0; a missing or malformed value is undefined.
 * Hand-written: the two forms are a few lines, and no kept dependency parses the header.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // Every HTTP-date form starts with the day's name; `Date.parse` alone would take "-5" as a year.
  const at = /^[A-Za-z]/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
