import { QueryClientProvider } from '@tanstack/preact-query';
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { createQueryClient } from '../src/api/query-client.ts';
import { useOfflineCopies } from '../src/browser/keep-offline-copies.ts';
import { useLiveQueryCache } from '../src/live/use-live-query-cache.ts';

function LiveCache({ children }: { children: ComponentChildren }) {
  useLiveQueryCache();
  useOfflineCopies();
  return <>{children}</>;
}

/**
 * Renders a panel view as the side panel does: with a fresh query cache that panel events (`emit`)
 * patch and whose data is saved for offline use. Returns the cache too, for tests that look into it.
 */
export function renderWithQueries(ui: ComponentChildren) {
  const client = createQueryClient();
  const result = render(
    <QueryClientProvider client={client}>
      <LiveCache>{ui}</LiveCache>
    </QueryClientProvider>,
  );
  return { client, ...result };
}
