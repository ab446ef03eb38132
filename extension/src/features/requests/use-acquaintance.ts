import { useQueries, useQuery } from '@tanstack/preact-query';
import { api } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';

/** How the viewer knows a request's sender: they follow you, they are a suggested friend, or nothing. */
export type Acquaintance = 'follows_you' | 'suggested' | 'none';

/**
 * The acquaintance of each handle, from the cached profiles and suggested-friends list. A handle is
 * known once both have answered; a failed lookup counts as "none".
 */
export function useAcquaintance(handles: string[]): Record<string, Acquaintance> {
  const unique = [...new Set(handles)].sort();
  const suggested = useQuery({ queryKey: queryKeys.suggested, queryFn: api.suggested });
  const profiles = useQueries({
    queries: unique.map((handle) => ({
      queryKey: queryKeys.user(handle),
      queryFn: () => api.getUser(handle),
    })),
  });
  if (suggested.isPending) return {};
  const suggestedHandles = new Set((suggested.data ?? []).map((u) => u.handle));
  const known: Record<string, Acquaintance> = {};
  unique.forEach((handle, i) => {
    const profile = profiles[i];
    if (!profile || profile.isPending) return;
    if (profile.data?.followsYou) known[handle] = 'follows_you';
    else known[handle] = suggestedHandles.has(handle) ? 'suggested' : 'none';
  });
  return known;
}
