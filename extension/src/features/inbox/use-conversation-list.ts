import type { Conversation } from '@clipdm/shared';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, type Box } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { subscribeLive } from '../../live/panel-events.ts';

export interface ConversationList {
  conversations: Conversation[];
  loading: boolean;
  error: ApiFailure | null;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  remove: (id: string) => void;
}

function newestFirst(a: Conversation, b: Conversation): number {
  return b.lastActivityAt.localeCompare(a.lastActivityAt);
}

/** One box of conversations, newest activity first, paged on demand and kept fresh by live events. */
export function useConversationList(box: Box): ConversationList {
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiFailure | null>(null);
  const loadingMore = useRef(false);

  // Once older pages are loaded, a refresh merges the first page in instead of dropping them.
  const extended = useRef(false);

  const reload = useCallback(async () => {
    try {
      const page = await api.listConversations(box);
      setConversations((old) => {
        if (!extended.current) return page.items;
        const fresh = new Set(page.items.map((c) => c.id));
        return [...page.items, ...old.filter((c) => !fresh.has(c.id))].sort(newestFirst);
      });
      if (!extended.current) setCursor(page.cursor);
      setError(null);
    } catch (e) {
      setError(asFailure(e));
    } finally {
      setLoading(false);
    }
  }, [box]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    try {
      const page = await api.listConversations(box, cursor);
      setConversations((old) => {
        const ids = new Set(old.map((c) => c.id));
        return [...old, ...page.items.filter((c) => !ids.has(c.id))];
      });
      setCursor(page.cursor);
      extended.current = true;
    } catch (e) {
      setError(asFailure(e));
    } finally {
      loadingMore.current = false;
    }
  }, [box, cursor]);

  useEffect(() => {
    void reload();
    return subscribeLive((event) => {
      if (['message', 'conversation', 'message_unsent', 'resync', 'tick'].includes(event.type)) void reload();
    });
  }, [reload]);

  const remove = useCallback((id: string) => setConversations((old) => old.filter((c) => c.id !== id)), []);

  return { conversations, loading, error, hasMore: cursor !== null, loadMore, reload, remove };
}
