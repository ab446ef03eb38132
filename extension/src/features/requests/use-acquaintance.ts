import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';

/** How the viewer knows a request's sender: they follow you, they are a suggested friend, or nothing. */
export type Acquaintance = 'follows_you' | 'suggested' | 'none';

/** The acquaintance of each handle, looked up once per handle (profile, and the suggested-friends list). */
export function useAcquaintance(handles: string[]): Record<string, Acquaintance> {
  const [known, setKnown] = useState<Record<string, Acquaintance>>({});
  const key = [...new Set(handles)].sort().join(',');
  useEffect(() => {
    if (!key) return;
    let alive = true;
    void (async () => {
      const suggested = new Set((await api.suggested().catch(() => [])).map((u) => u.handle));
      const entries = await Promise.all(
        key.split(',').map(async (handle): Promise<[string, Acquaintance]> => {
          const user = await api.getUser(handle).catch(() => null);
          if (user?.followsYou) return [handle, 'follows_you'];
          return [handle, suggested.has(handle) ? 'suggested' : 'none'];
        }),
      );
      if (alive) setKnown(Object.fromEntries(entries));
    })();
    return () => {
      alive = false;
    };
  }, [key]);
  return known;
}
