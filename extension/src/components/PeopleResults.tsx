import type { User } from '@clipdm/shared';
import { t } from '../lib/i18n.ts';
import { PersonLine } from './PersonLine.tsx';

/**
 * People found by a search, one button each. Those whose settings refuse you are shown but disabled,
 * with the reason, so nobody types a message that cannot be sent.
 */
export function PeopleResults({
  query,
  users,
  busy,
  onPick,
}: {
  query: string;
  users: User[];
  busy: boolean;
  onPick: (user: User) => void;
}) {
  if (query.trim() && !busy && users.length === 0) return <p class="empty">{t('noPeopleFound')}</p>;
  return (
    <ul class="rows" aria-live="polite" aria-busy={busy}>
      {users.map((user) => (
        <li key={user.id}>
          <button
            type="button"
            class="row person-row"
            disabled={!user.canMessage}
            aria-describedby={user.canMessage ? undefined : `why-${user.id}`}
            onClick={() => onPick(user)}
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
  );
}
