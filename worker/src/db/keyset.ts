import { and, type Column, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { Value } from './query-templates.ts';

/** A page cursor: the sort time and id of the last row of the previous page. */
export interface Keyset {
  at: string;
  id: string;
}

/**
 * Rows strictly past the cursor in the page's order (newest first, or oldest first when `ascending`). The
 * id breaks ties between equal times, so no row is skipped or shown twice across pages.
 */
export function pastCursor(
  at: Column,
  id: Column,
  after: { at: Value; id: Value } | null,
  ascending = false,
): SQL | undefined {
  if (!after) return undefined;
  const beyond = ascending ? gt : lt;
  return or(beyond(at, after.at), and(eq(at, after.at), beyond(id, after.id)));
}
