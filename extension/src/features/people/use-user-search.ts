import type { User } from '@clipdm/shared';
import { keepPreviousData, useQuery } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, failureOf } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';

const DEBOUNCE_MS = 250;

function searchTerm(query: string): string {
  return query.trim().replace(/^@/, '');
}

/** People whose handle or name starts with `query`, each with `canMessage`, fetched as the user types. */
export function useUserSearch(query: string): {
  users: User[];
  searching: boolean;
  error: ApiFailure | null;
} {
  const wanted = searchTerm(query);
  // The term actually searched: `wanted` once the user pauses typing.
  const [term, setTerm] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(wanted), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);
  const result = useQuery({
    queryKey: queryKeys.userSearch(term),
    queryFn: () => api.searchUsers(term),
    enabled: term !== '',
    // Keep showing the last answer while the next one loads, as the list did before.
    placeholderData: keepPreviousData,
  });
  if (!wanted) return { users: [], searching: false, error: null };
  return {
    users: result.data ?? [],
    searching: wanted !== term || result.isFetching,
    error: failureOf(result.error),
  };
}
