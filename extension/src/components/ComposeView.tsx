import type { Conversation, User } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { type ApiFailure, asFailure } from '../lib/http.ts';
import { t } from '../lib/i18n.ts';
import { useUserSearch } from '../lib/use-user-search.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { PersonLine } from './PersonLine.tsx';
import { UserSearchField } from './UserSearchField.tsx';

/** "New message": find a person, see whether you can message them, open the chat with them. */
export function ComposeView({ onOpen }: { onOpen: (conversation: Conversation) => void }) {
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const search = useUserSearch(query);

  async function start(user: User) {
    try {
      onOpen(await api.createConversation({ members: [user.handle] }));
    } catch (e) {
      setError(asFailure(e));
    }
  }

  return (
    <section class="list-view" aria-labelledby="compose-heading">
      <h2 id="compose-heading">{t('newMessage')}</h2>
      <UserSearchField value={query} onInput={setQuery} />
      <ErrorNote error={error ?? search.error} />
      <ul class="rows" aria-live="polite" aria-busy={search.searching}>
        {search.users.map((user) => (
          <li key={user.id}>
            <button
              type="button"
              class="row person-row"
              disabled={!user.canMessage}
              aria-describedby={user.canMessage ? undefined : `why-${user.id}`}
              onClick={() => void start(user)}
            >
              <PersonLine user={user} />
            </button>
            {!user.canMessage && (
              <p id={`why-${user.id}`} class="hint">
                {t('cannotMessageWhy', user.displayName)}
              </p>
            )}
          </li>
        ))}
      </ul>
      {query.trim() && !search.searching && search.users.length === 0 && (
        <p class="empty">{t('noPeopleFound')}</p>
      )}
    </section>
  );
}
