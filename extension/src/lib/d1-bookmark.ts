/**
 * The worker's D1 Sessions bookmark (`X-D1-Bookmark`): the newest one this context has seen goes back
 * with every call, so a read that follows a write here sees it even when a D1 read replica serves it.
 * Bookmarks are opaque; the worker keeps the newest of the ones a session sees, and so do we, by order.
 */
let latest: string | null = null;

export function bookmarkHeader(): Record<string, string> {
  return latest ? { 'X-D1-Bookmark': latest } : {};
}

export function rememberBookmark(bookmark: string | null): void {
  if (bookmark && (latest === null || bookmark.localeCompare(latest) > 0)) latest = bookmark;
}
