import type { User } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';

const DEBOUNCE_MS = 250;

/** People whose handle or name starts with `query`, each with `canMessage`, fetched as the user types. */
export function useUserSearch(query: string): {
  users: User[];
  searching: boolean;
  error: ApiFailure | null;
} {
  const [users, setUsers] = useState<User[]>([]);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  useEffect(() => {
    const q = query.trim().replace(/^@/, '');
    if (!q) {
      setUsers([]);
      return;
    }
    let alive = true;
    setSearching(true);
    const timer = setTimeout(() => {
      api
        .searchUsers(q)
        .then((found) => {
          if (!alive) return;
          setUsers(found);
          setError(null);
        })
        .catch((e) => alive && setError(asFailure(e)))
        .finally(() => alive && setSearching(false));
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [query]);
  return { users, searching, error };
}
