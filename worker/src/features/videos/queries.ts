import { eq } from 'drizzle-orm';
import { videoCache } from '../../db/schema.ts';
import type { Db } from '../../env.ts';

export type VideoCacheRow = typeof videoCache.$inferSelect;

export interface VideoDetails {
  title: string | null;
  thumbnailUrl: string | null;
  authorHandle: string | null;
  resolvedUrl: string | null;
}

/** The cached oEmbed details of one stored video URL, if it was ever looked up. */
export async function getVideoCache(db: Db, url: string): Promise<VideoCacheRow | undefined> {
  const [row] = await db.select().from(videoCache).where(eq(videoCache.url, url)).limit(1);
  return row;
}

/** Stores (or refreshes) what the lookup found; a failed lookup is stored too, so it is not retried at once. */
export async function saveVideoDetails(db: Db, url: string, details: VideoDetails, now = new Date()) {
  const fetchedAt = now.toISOString();
  await db
    .insert(videoCache)
    .values({ url, ...details, fetchedAt })
    .onConflictDoUpdate({ target: videoCache.url, set: { ...details, fetchedAt } });
}
