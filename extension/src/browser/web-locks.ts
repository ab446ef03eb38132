const fallbackChains = new Map<string, Promise<unknown>>();

/**
 * Runs `task` while holding a lock shared by every page and the service worker of the extension
 * (Web Locks), so two panels never spend the same refresh token or send the same outbox item twice.
 * Where Web Locks are missing (tests), it serialises within this page.
 */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) return locks.request(name, task).then((value) => value);
  const previous = fallbackChains.get(name) ?? Promise.resolve();
  const next = previous.then(task, task);
  fallbackChains.set(
    name,
    next.catch(() => undefined),
  );
  return next;
}
