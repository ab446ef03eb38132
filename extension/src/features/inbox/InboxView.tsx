import type { Conversation } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { ConversationRow } from './ConversationRow.tsx';
import { useConversationList } from './use-conversation-list.ts';

/** The accepted conversations, newest first, with the buttons that start new ones. */
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
  const list = useConversationList('inbox');
  return (
    <section aria-labelledby="inbox-heading" class="list-view">
      <div class="toolbar">
        <h2 id="inbox-heading" class="visually-hidden">
          {t('inbox')}
        </h2>
        <button type="button" class="primary" onClick={onCompose}>
          {t('newMessage')}
        </button>
        <button type="button" onClick={onNewGroup}>
          {t('newGroup')}
        </button>
      </div>
      <ErrorNote error={list.error} />
      {list.loading ? (
        <p class="quiet">{t('loading')}</p>
      ) : list.conversations.length === 0 ? (
        <p class="empty">{t('inboxEmpty')}</p>
      ) : (
        <ul class="rows">
          {list.conversations.map((c) => (
            <li key={c.id}>
              <ConversationRow conversation={c} myId={myId} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && <LoadMore onLoad={() => void list.loadMore()} />}
    </section>
  );
}
