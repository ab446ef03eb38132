import type { Conversation, User } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { type ApiFailure, asFailure } from '../lib/http.ts';
import { t } from '../lib/i18n.ts';
import { conversationName } from '../lib/names.ts';
import { enqueue } from '../lib/outbox.ts';
import { useEscape } from '../lib/use-escape.ts';
import { pumpOutbox } from '../lib/use-outbox.ts';
import { useUserSearch } from '../lib/use-user-search.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { PeopleResults } from './PeopleResults.tsx';
import { UserSearchField } from './UserSearchField.tsx';

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
  const [recent, setRecent] = useState<Conversation[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const search = useUserSearch(query);
  useEscape(true, onCancel, true);

  useEffect(() => {
    api
      .listConversations('inbox')
      .then((page) => setRecent(page.items.slice(0, 8)))
      .catch((e) => setError(asFailure(e)));
  }, []);

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
      <ErrorNote error={error ?? search.error} />
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
