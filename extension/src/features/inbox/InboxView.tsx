import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { t } from '../../browser/i18n.ts';
import { useSavedList } from '../../browser/offline-cache.ts';
import { useStorageValue } from '../../browser/use-storage-value.ts';
import { conversationName } from '../../ui/display-names.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { MenuButton } from '../../ui/MenuButton.tsx';
import { removeWithUndo, useHiddenConversations } from '../../ui/undoable.ts';
import { ConversationRow } from './ConversationRow.tsx';
import { matching, pinnedFirst, pinnedItem, togglePin } from './pinned.ts';
import { useConversationList } from './use-conversation-list.ts';
import { useRenderMarks } from './use-render-marks.ts';

/**
 * The accepted conversations, pinned ones first then newest, with search and the buttons that start new
 * ones. With the worker unreachable it shows the saved copy, marked as such, and a Retry.
 */
export function InboxView({
  myId,
  onOpen,
  onCompose,
  onNewGroup,
}: {
  myId: string;
  onOpen: (conversation: Conversation) => void;
  onCompose: () => void;
  onNewGroup: () => void;
}) {
  const hidden = useHiddenConversations();
  const list = useConversationList('inbox');
  const saved = useSavedList('inbox');
  const pins = useStorageValue(pinnedItem) ?? [];
  const [query, setQuery] = useState('');

  const offline = list.error !== null && list.conversations.length === 0;
  const source = offline ? saved : list.conversations;
  const name = (c: Conversation) => conversationName(c, myId);
  const shown = matching(
    pinnedFirst(
      source.filter((c) => !hidden(c)),
      pins,
    ),
    query,
    name,
  );
  // The budget's marks: the first render of the conversations from the worker (a saved copy does not count).
  useRenderMarks(offline ? 0 : shown.length);

  return (
    <section aria-labelledby="inbox-heading" class="list-view">
      <div class="toolbar">
        <h2 id="inbox-heading" class="visually-hidden">
          {t('inbox')}
        </h2>
        <button type="button" class="primary" data-focus-key="compose" onClick={onCompose}>
          {t('newMessage')}
        </button>
        <button type="button" data-focus-key="new-group" onClick={onNewGroup}>
          {t('newGroup')}
        </button>
      </div>
      <label for="inbox-search" class="visually-hidden">
        {t('searchInbox')}
      </label>
      <input
        id="inbox-search"
        type="search"
        class="search"
        placeholder={t('searchInbox')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {offline ? (
        <div class="offline-note">
          <ErrorNote
            error={list.error}
            text={saved.length ? t('savedCopy') : t('inboxUnavailable')}
            onRetry={() => void list.reload()}
          />
        </div>
      ) : (
        <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      )}
      {list.loading && !offline ? (
        <p class="quiet">{t('loading')}</p>
      ) : shown.length === 0 ? (
        offline ? null : (
          <p class="empty">{query.trim() ? t('noMatches', query.trim()) : t('inboxEmpty')}</p>
        )
      ) : (
        <ul class={`rows${offline ? ' saved' : ''}`}>
          {shown.map((c) => (
            <li key={c.id} class="row-with-menu">
              <ConversationRow conversation={c} myId={myId} pinned={pins.includes(c.id)} onOpen={onOpen} />
              {!offline && (
                <MenuButton
                  label={t('conversationActions', name(c))}
                  buttonClass="icon row-more"
                  refocusAfterPick
                  items={[
                    { label: pins.includes(c.id) ? t('unpin') : t('pin'), run: () => void togglePin(c.id) },
                    {
                      label: t('deleteConversation'),
                      danger: true,
                      run: () =>
                        removeWithUndo(c.id, t('conversationDeleted'), t('undo'), () => api.leave(c.id)),
                    },
                  ]}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && !offline && !query && <LoadMore onLoad={() => void list.loadMore()} />}
    </section>
  );
}
