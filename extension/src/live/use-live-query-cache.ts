import { useQueryClient } from '@tanstack/preact-query';
import { useEffect } from 'preact/hooks';
import { subscribeLive } from './panel-events.ts';
import { patchQueryCache } from './patch-query-cache.ts';

/** Routes every panel event (stream, outbox, poll tick) into the query cache while mounted. */
export function useLiveQueryCache(): void {
  const client = useQueryClient();
  useEffect(() => subscribeLive((event) => patchQueryCache(client, event)), [client]);
}
