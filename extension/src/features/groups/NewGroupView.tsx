import type { Conversation, User } from '@clipdm/shared';
import { useMemo, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { PersonLine } from '../../ui/PersonLine.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { UserSearchField } from '../people/UserSearchField.tsx';
import { useUserSearch } from '../people/use-user-search.ts';

const MAX_INVITEES = 31;

/** "New group": pick at least two people, give it a title, create it. */
export function NewGroupView({ onOpen }: { onOpen: (conversation: Conversation) => void }) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<User[]>([]);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // People the server refused to add: marked in the results and taken out of the picked ones.
  const [cannotAdd, setCannotAdd] = useState<string[]>([]);
  const search = useUserSearch(query);
  // One key per group as filled in: pressing Create again after a failure (the worker may have made the
  // group and lost the answer) gets that group back instead of a second one; changing the form is a new group.
  const clientId = useMemo(() => crypto.randomUUID(), [picked, title]);

  const isPicked = (user: User) => picked.some((p) => p.id === user.id);
  const toggle = (user: User) =>
    setPicked((old) => (isPicked(user) ? old.filter((p) => p.id !== user.id) : [...old, user]));

  async function create(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      onOpen(
        await api.createConversation({
          clientId,
          members: picked.map((p) => p.handle),
          ...(title.trim() ? { title: title.trim() } : {}),
        }),
      );
    } catch (e) {
      const failure = asFailure(e);
      setError(failure);
      const handles =
        failure.code === 'cannot_message' ? ((failure.details?.handles as string[] | undefined) ?? []) : [];
      if (handles.length) {
        setCannotAdd((old) => [...new Set([...old, ...handles])]);
        setPicked((old) => old.filter((p) => !handles.includes(p.handle)));
      }
    } finally {
      setBusy(false);
    }
  }

  const refused =
    error?.code === 'cannot_message' ? (error.details?.handles as string[] | undefined) : undefined;

  return (
    <form class="list-view" aria-labelledby="group-heading" onSubmit={create}>
      <h2 id="group-heading">{t('newGroup')}</h2>
      <div class="field">
        <TextField id="group-title" label={t('groupTitle')} maxLength={50} value={title} onInput={setTitle} />
      </div>
      {picked.length > 0 && (
        <ul class="chips" aria-label={t('groupMembers')}>
          {picked.map((user) => (
            <li key={user.id}>
              <button
                type="button"
                class="chip"
                aria-label={t('removeMember', user.displayName)}
                onClick={() => toggle(user)}
              >
                <bdi>{user.displayName}</bdi> <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <UserSearchField value={query} onInput={setQuery} />
      <ul class="rows" aria-live="polite">
        {search.users.map((user) => {
          const cannot = cannotAdd.includes(user.handle);
          return (
            <li key={user.id}>
              {/* No direct-message hint: `canMessage` counts an existing direct chat, while a group invite is
                checked as a new conversation; the server's refusal names who cannot be added. */}
              <label class={`row person-row${cannot ? ' unavailable' : ''}`}>
                <input
                  type="checkbox"
                  checked={isPicked(user)}
                  disabled={cannot || (!isPicked(user) && picked.length >= MAX_INVITEES)}
                  aria-describedby={cannot ? `cannot-${user.id}` : undefined}
                  onChange={() => toggle(user)}
                />
                <PersonLine user={user} showCanMessage={false} />
              </label>
              {cannot && (
                <p id={`cannot-${user.id}`} class="hint">
                  {t('cannotBeAdded')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <ErrorNote
        error={error ?? search.error}
        text={refused?.length ? t('groupRefused', refused.map((h) => `@${h}`).join(', ')) : null}
      />
      <p class="hint">{t('groupHint')}</p>
      <button type="submit" class="primary" disabled={busy || picked.length < 2}>
        {t('createGroup')}
      </button>
    </form>
  );
}
