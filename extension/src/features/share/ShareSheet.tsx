import type { Conversation, User } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { enqueue } from '../../outbox/outbox.ts';
import { pumpOutbox } from '../../outbox/use-outbox.ts';
import { conversationName } from '../../ui/display-names.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { useEscape } from '../../ui/use-escape.ts';
import { useConversationList } from '../inbox/use-conversation-list.ts';
import { PeopleResults } from '../people/PeopleResults.tsx';
import { UserSearchField } from '../people/UserSearchField.tsx';
import { useUserSearch } from '../people/use-user-search.ts';

/** "Send this video to…": pick a recent conversation or find a person; the video goes out as a card. */
export function ShareSheet({
  url,
  myId,
  onSent,
  onCancel,
}: {
  url: string;
  myId: string;
  onSent: (conversationId: string) => void;
  onCancel: () => void;
}) {
  const inbox = useConversationList('inbox');
  const recent = inbox.conversations.slice(0, 8);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const search = useUserSearch(query);
  useEscape(true, onCancel, true);

  async function sendTo(target: Conversation | User) {
    try {
      const conversationId =
        'kind' in target ? target.id : (await api.createConversation({ members: [target.handle] })).id;
      await enqueue(conversationId, { videoUrl: url });
      void pumpOutbox();
      onSent(conversationId);
    } catch (e) {
      setError(asFailure(e));
    }
  }

  return (
    <section class="list-view share" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('shareTitle')}</h2>
      <p class="share-url">{url}</p>
      <ErrorNote error={error ?? inbox.error ?? search.error} />
      <UserSearchField value={query} onInput={setQuery} />
      {!query.trim() && (
        <ul class="rows">
          {recent.map((c) => (
            <li key={c.id}>
              <button type="button" class="row" onClick={() => void sendTo(c)}>
                {t('sendTo', conversationName(c, myId))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PeopleResults
        query={query}
        users={search.users}
        busy={search.searching}
        onPick={(user) => void sendTo(user)}
      />
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </section>
  );
}
