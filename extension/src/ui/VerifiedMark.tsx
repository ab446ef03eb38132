import { t } from '../browser/i18n.ts';

/** The mark beside a name whose owner proved the handle through the video site's own sign-in. */
export function VerifiedMark({ verified }: { verified: boolean }) {
  if (!verified) return null;
  return (
    <span
      class="verified-mark"
      role="img"
      aria-label={t('verifiedLabel', t('siteName'))}
      title={t('verifiedLabel', t('siteName'))}
    >
      ✓
    </span>
  );
}
