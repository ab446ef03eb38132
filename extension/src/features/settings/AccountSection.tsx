import type { Me } from '@clipdm/shared';
import { useCallback, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useEscape } from '../../ui/use-escape.ts';

/** Who is signed in, sign out, and deleting the account (asks for the password). */
export function AccountSection({ me }: { me: Me }) {
  const [deleting, setDeleting] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  useEscape(
    deleting,
    useCallback(() => setDeleting(false), []),
    true,
  );

  async function deleteAccount(event: Event) {
    event.preventDefault();
    try {
      await api.deleteAccount(password);
    } catch (e) {
      setError(asFailure(e));
    }
  }

  return (
    <section class="settings-section" aria-labelledby="account-heading">
      <h3 id="account-heading">{t('accountTitle')}</h3>
      <p>{t('signedInAs', [me.displayName, `@${me.handle}`])}</p>
      <div class="actions">
        <button type="button" onClick={() => void api.logout()}>
          {t('signOut')}
        </button>
        {!deleting && (
          <button type="button" class="danger-text" onClick={() => setDeleting(true)}>
            {t('deleteAccount')}
          </button>
        )}
      </div>
      {deleting && (
        <form class="dialog" onSubmit={deleteAccount}>
          <p>{t('deleteAccountWarning')}</p>
          <TextField
            id="delete-password"
            label={t('password')}
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={setPassword}
          />
          <div class="actions">
            <button type="submit" class="danger" disabled={!password}>
              {t('deleteAccountConfirm')}
            </button>
            <button type="button" onClick={() => setDeleting(false)}>
              {t('cancel')}
            </button>
          </div>
          <ErrorNote
            error={error}
            text={error?.code === 'invalid_credentials' ? t('errorWrongPassword') : null}
          />
        </form>
      )}
    </section>
  );
}
