import { QueryClient } from '@tanstack/preact-query';

/**
 * The panel's one cache of server state. Live events keep it current (`live/patch-query-cache.ts`) and
 * a poll tick refetches while the stream is down, so nothing refetches on its own: no focus refetch,
 * and no automatic retry (a failed call is shown at once; the next event or tick tries again).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
