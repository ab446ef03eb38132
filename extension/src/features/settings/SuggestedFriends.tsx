import type { User } from '@clipdm/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { api } from '../../api/client.ts';
import { failureOf } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { t } from '../../browser/i18n.ts';
import { pendingOpenItem } from '../../browser/storage-items.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { PersonLine } from '../../ui/PersonLine.tsx';

/**
 * "Suggested friends": people whose verified email or phone is in your synced contacts, or who are your
 * Facebook friends, with a follow button and a message button.
 */
export function SuggestedFriends() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.suggested, queryFn: api.suggested });
  const follow = useMutation({
    mutationFn: (handle: string) => api.follow(handle),
    onSuccess: (_, handle) =>
      client.setQueryData<User[]>(queryKeys.suggested, (users) =>
        users?.map((u) => (u.handle === handle ? { ...u, youFollow: true, isFriend: u.followsYou } : u)),
      ),
  });
  // The panel opens the conversation the way the content script's "Message" does.
  const message = (handle: string) => void pendingOpenItem.setValue({ handle, at: Date.now() });
  const users = query.data ?? [];

  return (
    <section class="settings-section" aria-labelledby="suggested-heading">
      <h3 id="suggested-heading">{t('suggestedTitle')}</h3>
      {query.isSuccess && users.length === 0 && <p class="hint">{t('suggestedNone')}</p>}
      <ul class="rows">
        {users.map((user) => (
          <li key={user.id} class="suggested">
            <PersonLine user={user} />
            {!user.youFollow && (
              <button type="button" disabled={follow.isPending} onClick={() => follow.mutate(user.handle)}>
                {t('follow')}
              </button>
            )}
            {user.canMessage && (
              <button type="button" onClick={() => message(user.handle)}>
                {t('message')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={failureOf(query.error ?? follow.error)} />
    </section>
  );
}
