/**
 * The worker's D1 Sessions bookmark (`X-D1-Bookmark`): the newest one this context has seen goes back
 * with every call, so a read that follows a write here sees it even when a D1 read replica serves it.
 * Bookmarks are opaque but ordered; like D1's own session, we keep the newest by comparing them.
 */
let latest: string | null = null;

/** `fetch` with the newest bookmark sent, and the answer's bookmark kept for the next call. */
export async function fetchWithBookmark(request: Request): Promise<Response> {
  if (latest) request.headers.set('X-D1-Bookmark', latest);
  const response = await globalThis.fetch(request);
  const bookmark = response.headers.get('X-D1-Bookmark');
  if (bookmark && (latest === null || bookmark.localeCompare(latest) > 0)) latest = bookmark;
  return response;
}
