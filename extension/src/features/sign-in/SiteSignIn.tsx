import { ageGroupOf } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { asFailure } from '../../api/http.ts';
import { identityApi } from '../../api/identity-client.ts';
import { t } from '../../browser/i18n.ts';
import { errorText } from '../../ui/error-text.ts';
import { TextField } from '../../ui/TextField.tsx';
import { flowErrorText } from './flow-error-text.ts';
import { runProviderFlow } from './provider-flow.ts';

/**
 * "Continue with <the site>": the site's own sign-in proves the handle. A first sign-in stops once for the
 * birthdate (the worker keeps the one-time code valid for that one more try).
 */
export function SiteSignIn() {
  const [pendingCode, setPendingCode] = useState<string | null>(null);
  const [birthdate, setBirthdate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exchange(code: string, withBirthdate?: string) {
    try {
      await identityApi.exchangeSiteCode(code, withBirthdate);
      // Signed in: the stored session changes and the panel shows the inbox.
    } catch (e) {
      const failure = asFailure(e);
      if (failure.code === 'birthdate_required') return setPendingCode(code);
      setPendingCode(null);
      setError(failure.code === 'age_restricted' ? t('errorUnder13') : errorText(failure));
    }
  }

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const fragment = await runProviderFlow((returnUrl) => identityApi.siteStartUrl(returnUrl));
      const code = fragment.get('code');
      if (code) await exchange(code);
      else setError(flowErrorText(fragment.get('error') ?? 'cancelled'));
    } catch {
      // The person closed the sign-in window.
      setError(flowErrorText('cancelled'));
    } finally {
      setBusy(false);
    }
  }

  async function finish(event: Event) {
    event.preventDefault();
    if (!pendingCode) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthdate)) return setError(t('errorBirthdateMissing'));
    if (!ageGroupOf(birthdate)) return setError(t('errorUnder13'));
    setBusy(true);
    setError(null);
    await exchange(pendingCode, birthdate);
    setBusy(false);
  }

  const errorNote = error && (
    <p class="error" role="alert">
      {error}
    </p>
  );

  if (pendingCode) {
    return (
      <form class="site-birthdate" onSubmit={finish} aria-busy={busy}>
        <h2>{t('birthdateStepTitle')}</h2>
        <p>{t('birthdateStepIntro')}</p>
        <TextField
          id="site-birthdate"
          label={t('birthdate')}
          type="date"
          value={birthdate}
          onInput={setBirthdate}
          required
        />
        <button type="submit" class="primary" disabled={busy}>
          {t('birthdateStepSubmit')}
        </button>
        {errorNote}
      </form>
    );
  }
  return (
    <div class="site-sign-in">
      <button type="button" class="primary" disabled={busy} onClick={() => void start()}>
        {t('continueWithSite', t('siteName'))}
      </button>
      <p class="hint">{t('continueWithSiteHint', t('siteName'))}</p>
      {errorNote}
    </div>
  );
}
