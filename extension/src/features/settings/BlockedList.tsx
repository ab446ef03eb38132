import type { User } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { PersonLine } from '../../ui/PersonLine.tsx';

/** Blocked accounts, each with Unblock. */
export function BlockedList() {
  const [users, setUsers] = useState<User[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);

  const load = async (from?: string) => {
    try {
      const page = await api.listBlocks(from);
      setUsers((old) => (from ? [...old, ...page.items] : page.items));
      setCursor(page.cursor);
    } catch (e) {
      setError(asFailure(e));
    }
  };
  useEffect(() => void load(), []);

  async function unblock(user: User) {
    try {
      await api.unblock(user.handle);
      setUsers((old) => old.filter((u) => u.id !== user.id));
    } catch (e) {
      setError(asFailure(e));
    }
  }

  return (
    <section class="settings-section" aria-labelledby="blocked-heading">
      <h3 id="blocked-heading">{t('blockedTitle')}</h3>
      {users.length === 0 ? (
        <p class="quiet">{t('blockedEmpty')}</p>
      ) : (
        <ul class="rows">
          {users.map((user) => (
            <li key={user.id} class="row-static">
              <PersonLine user={user} showCanMessage={false} />
              <button type="button" class="small" onClick={() => void unblock(user)}>
                {t('unblockName', user.displayName)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="link" onClick={() => void load(cursor)}>
          {t('loadMore')}
        </button>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
