import type { User } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { PersonLine } from '../../ui/PersonLine.tsx';

/**
 * People found by a search, one button each. For a direct message, those whose settings refuse you are
 * shown but disabled, with the reason, so nobody types a message that cannot be sent. For a group
 * (`forGroup`) `canMessage` says nothing useful (it counts an existing direct chat, a group add is checked
 * as a new conversation), so no hint is shown and the server's refusal names who cannot be added.
 */
export function PeopleResults({
  query,
  users,
  busy,
  forGroup = false,
  onPick,
}: {
  query: string;
  users: User[];
  busy: boolean;
  forGroup?: boolean;
  onPick: (user: User) => void;
}) {
  if (query.trim() && !busy && users.length === 0) return <p class="empty">{t('noPeopleFound')}</p>;
  return (
    <ul class="rows" aria-live="polite" aria-busy={busy}>
      {users.map((user) => {
        const refused = !forGroup && !user.canMessage;
        return (
          <li key={user.id}>
            <button
              type="button"
              class="row person-row"
              disabled={refused}
              aria-describedby={refused ? `why-${user.id}` : undefined}
              onClick={() => onPick(user)}
            >
              <PersonLine user={user} showCanMessage={!forGroup} />
            </button>
            {refused && (
              <p id={`why-${user.id}`} class="hint">
                {t('cannotMessageWhy', user.displayName)}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
