import { useQuery } from '@tanstack/preact-query';
import { api } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';

const NONE = { inbox: 0, requests: 0 };

/** Unread conversation counts per box; the stream's `unread` events write them into the cache. */
export function useUnread(): { inbox: number; requests: number } {
  return useQuery({ queryKey: queryKeys.unread, queryFn: api.unread }).data ?? NONE;
}
