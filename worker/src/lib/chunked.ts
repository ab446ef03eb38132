/**
 * `items` in slices of at most `size`. D1 binds at most 100 parameters per statement, so lists of ids are
 * queried a slice at a time.
 */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
