import type { Conversation, User } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { PeopleResults } from './PeopleResults.tsx';
import { UserSearchField } from './UserSearchField.tsx';
import { useUserSearch } from './use-user-search.ts';

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
      <PeopleResults
        query={query}
        users={search.users}
        busy={search.searching}
        onPick={(user) => void start(user)}
      />
    </section>
  );
}
