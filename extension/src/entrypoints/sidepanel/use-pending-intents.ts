import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { pendingOpenItem, pendingShareItem } from '../../browser/storage-items.ts';
import { useStorageValue } from '../../browser/use-storage-value.ts';

/** Intents older than this are stale (the user moved on) and are dropped. */
const FRESH_MS = 10 * 60_000;

/**
 * What the content script or a notification asked the panel to do: open a conversation (by id, or
 * get-or-create with a handle), or share a video. Opening is done here; sharing is left to the caller.
 */
export function usePendingIntents(openConversation: (id: string) => void) {
  const open = useStorageValue(pendingOpenItem);
  const share = useStorageValue(pendingShareItem);
  const [error, setError] = useState<ApiFailure | null>(null);

  useEffect(() => {
    if (!open) return;
    void pendingOpenItem.setValue(null);
    if (Date.now() - open.at > FRESH_MS) return;
    if (open.conversationId) {
      openConversation(open.conversationId);
    } else if (open.handle) {
      api
        .createConversation({ members: [open.handle] })
        .then((c) => openConversation(c.id))
        .catch((e) => setError(asFailure(e)));
    }
  }, [open]);

  const shareUrl = share && Date.now() - share.at < FRESH_MS ? share.url : null;
  return {
    error,
    clearError: () => setError(null),
    shareUrl,
    clearShare: () => void pendingShareItem.setValue(null),
  };
}
