import { useState } from 'preact/hooks';
import { sendToBackground } from '../background/content-requests.ts';
import { t } from '../browser/i18n.ts';
import { errorText } from './content-error-text.ts';
import { PaperPlane } from './icons.tsx';

/** "Send in DM" beside a video's share control: hands the video to the side panel's composer. */
export function ShareButton({ videoUrl }: { videoUrl: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function share() {
    setBusy(true);
    setError(null);
    const answer = await sendToBackground({ type: 'clipdm:share-video', url: videoUrl }).catch(() => null);
    setBusy(false);
    if (!answer) setError(errorText('offline'));
    else if (!answer.ok) setError(errorText(answer.error.code));
  }

  return (
    <div class="share">
      <button type="button" class="round" onClick={share} disabled={busy} title={t('contentSendInDmTitle')}>
        <span class="round-icon" aria-hidden="true">
          <PaperPlane />
        </span>
        <span class="round-label">{t('contentSendInDm')}</span>
      </button>
      {error && (
        <p class="bubble" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
