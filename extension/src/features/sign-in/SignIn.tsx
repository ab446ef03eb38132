import { ageGroupOf } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { api } from '../../api/client.ts';
import { asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { errorText } from '../../ui/error-text.ts';
import { TextField } from '../../ui/TextField.tsx';
import { SiteSignIn } from './SiteSignIn.tsx';

const HANDLE = /^[a-z0-9._]{3,24}$/;

/** What is wrong with a sign-up form before asking the server, or null. */
export function signUpProblem(
  handle: string,
  password: string,
  birthdate: string,
  today = new Date(),
): string | null {
  if (!HANDLE.test(handle.trim().toLowerCase())) return t('errorHandleFormat');
  if (password.length < 10) return t('errorPasswordLength');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthdate)) return t('errorBirthdateMissing');
  if (!ageGroupOf(birthdate, today)) return t('errorUnder13');
  return null;
}

/** Sign in, or create an account, in one form: the first part signs in, the second adds what sign-up needs. */
export function SignIn() {
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [birthdate, setBirthdate] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      const failure = asFailure(e);
      setError(failure.code === 'age_restricted' ? t('errorUnder13') : errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  const signIn = (event: Event) => {
    event.preventDefault();
    if (!handle.trim() || !password) return setError(t('errorFillHandlePassword'));
    void run(() => api.login(handle.trim().toLowerCase(), password));
  };

  const signUp = () => {
    const problem = signUpProblem(handle, password, birthdate);
    if (problem) return setError(problem);
    void run(() =>
      api.register({
        handle: handle.trim().toLowerCase(),
        password,
        birthdate,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      }),
    );
  };

  return (
    <main class="signin">
      <h1>{t('extName')}</h1>
      <p>{t('signInIntro')}</p>
      <SiteSignIn />
      <p class="or">{t('orWithPassword')}</p>
      <form onSubmit={signIn} aria-busy={busy}>
        <TextField
          id="handle"
          label={t('handle')}
          autocomplete="username"
          value={handle}
          onInput={setHandle}
          required
        />
        <TextField
          id="password"
          label={t('password')}
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={setPassword}
          required
        />
        {/* "Continue with the site" above is this view's one primary action; the password way is the second. */}
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
        <fieldset class="signup">
          <legend>{t('newHere')}</legend>
          <TextField
            id="birthdate"
            label={t('birthdate')}
            type="date"
            value={birthdate}
            onInput={setBirthdate}
          />
          <TextField
            id="display-name"
            label={t('displayNameOptional')}
            maxLength={50}
            value={displayName}
            onInput={setDisplayName}
          />
          <p class="hint">{t('signUpHint')}</p>
          <button type="button" disabled={busy} onClick={signUp}>
            {t('createAccount')}
          </button>
        </fieldset>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('serverAddress')}
      </button>
    </main>
  );
}
