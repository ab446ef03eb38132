import type { Conversation, User } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { PeopleResults } from '../people/PeopleResults.tsx';
import { UserSearchField } from '../people/UserSearchField.tsx';
import { useUserSearch } from '../people/use-user-search.ts';

/**
 * Any member may add people who accept their messages, up to the group's 32. Whether they do is the
 * server's answer (it names who cannot be added), not the search's direct-message hint.
 */
export function AddMembers({
  conversation,
  onAdded,
}: {
  conversation: Conversation;
  onAdded: (conversation: Conversation) => void;
}) {
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const search = useUserSearch(query);
  const found = search.users.filter((u) => !conversation.members.some((m) => m.id === u.id));

  const refused =
    error?.code === 'cannot_message' ? (error.details?.handles as string[] | undefined) : undefined;

  async function add(user: User) {
    try {
      onAdded(await api.addMembers(conversation.id, [user.handle]));
      setQuery('');
      setError(null);
    } catch (e) {
      setError(asFailure(e));
    }
  }

  return (
    <div class="add-members">
      <h4>{t('addPeople')}</h4>
      <UserSearchField value={query} onInput={setQuery} autoFocus={false} />
      <ErrorNote
        error={error ?? search.error}
        text={refused?.length ? t('groupRefused', refused.map((h) => `@${h}`).join(', ')) : null}
      />
      <PeopleResults
        query={query}
        users={found}
        busy={search.searching}
        forGroup
        onPick={(u) => void add(u)}
      />
    </div>
  );
}
