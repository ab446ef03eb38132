import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { plural } from '../../browser/plural.ts';
import { otherMembers } from '../../ui/display-names.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { useHiddenConversations } from '../../ui/undoable.ts';
import { useConversationList } from '../inbox/use-conversation-list.ts';
import { RequestRow } from './RequestRow.tsx';
import { useAcquaintance } from './use-acquaintance.ts';

/** Message requests: people you may not know. Triage each, or delete them all. */
export function RequestsView({
  myId,
  onOpen,
}: {
  myId: string;
  onOpen: (conversation: Conversation) => void;
}) {
  const hidden = useHiddenConversations();
  const list = useConversationList('requests');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const shown = list.conversations.filter((c) => !hidden(c));
  const handles = shown.flatMap((c) =>
    c.kind === 'direct' ? otherMembers(c, myId).map((m) => m.handle) : [],
  );
  const acquaintance = useAcquaintance(handles);

  async function deleteAll() {
    setConfirming(false);
    try {
      for (const conversation of list.conversations) {
        await api.decline(conversation.id);
        list.remove(conversation.id);
      }
      await list.reload();
    } catch (e) {
      setError(asFailure(e));
    }
  }

  return (
    <section class="list-view" aria-labelledby="requests-heading">
      <div class="toolbar">
        <h2 id="requests-heading" class="visually-hidden">
          {t('requests')}
        </h2>
        <p class="hint">{t('requestsIntro')}</p>
        {shown.length > 0 &&
          (confirming ? (
            <span class="confirm">
              <span>{plural('deleteAllConfirm', shown.length)}</span>
              <button type="button" class="danger" onClick={() => void deleteAll()}>
                {t('yesDeleteAll')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('deleteAll')}
            </button>
          ))}
      </div>
      <ErrorNote error={error ?? list.error} />
      {list.loading ? (
        <p class="quiet">{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p class="empty">{t('requestsEmpty')}</p>
      ) : (
        <ul class="rows">
          {shown.map((c) => (
            <li key={c.id}>
              <RequestRow
                conversation={c}
                myId={myId}
                acquaintance={acquaintance[otherMembers(c, myId)[0]?.handle ?? '']}
                onOpen={onOpen}
                onAccepted={() => list.remove(c.id)}
                onRemoved={() => undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && <LoadMore onLoad={() => void list.loadMore()} />}
    </section>
  );
}
