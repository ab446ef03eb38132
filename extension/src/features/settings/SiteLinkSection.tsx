import type { Me } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { asFailure } from '../../api/http.ts';
import { identityApi } from '../../api/identity-client.ts';
import { t } from '../../browser/i18n.ts';
import { errorText } from '../../ui/error-text.ts';
import { VerifiedMark } from '../../ui/VerifiedMark.tsx';
import { flowErrorText } from '../sign-in/flow-error-text.ts';
import { runProviderFlow } from '../sign-in/provider-flow.ts';
import { refreshMe } from './refresh-me.ts';

/** "Link your <site> account": a password account proves its handle, which becomes the site's username. */
export function SiteLinkSection({ me }: { me: Me }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function link() {
    setBusy(true);
    setError(null);
    try {
      const ticket = await identityApi.siteLinkTicket();
      const fragment = await runProviderFlow((returnUrl) => identityApi.siteStartUrl(returnUrl, ticket));
      const linkCode = fragment.get('link_code');
      if (!linkCode) return setError(flowErrorText(fragment.get('error') ?? 'cancelled'));
      await identityApi.confirmSiteLink(linkCode);
      await refreshMe();
    } catch (e) {
      setError(errorText(asFailure(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="settings-section" aria-labelledby="site-link-heading">
      <h3 id="site-link-heading">{t('siteLinkTitle', t('siteName'))}</h3>
      {me.verified ? (
        <p>
          <VerifiedMark verified /> {t('siteLinked', [t('siteName'), me.handle])}
        </p>
      ) : (
        <>
          <p class="hint">{t('siteLinkIntro', t('siteName'))}</p>
          <button type="button" disabled={busy} onClick={() => void link()}>
            {t('siteLinkButton', t('siteName'))}
          </button>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
