import type { User } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import type { ClientErrorCode } from '../api/http.ts';
import { sendToBackground } from '../background/content-requests.ts';
import { t } from '../browser/i18n.ts';
import { useAccount } from './account.ts';
import { errorText } from './content-error-text.ts';
import { PaperPlane } from './icons.tsx';

type Lookup =
  | { status: 'loading' }
  | { status: 'ready'; user: User }
  | { status: 'error'; code: ClientErrorCode };

/** Why the button is disabled, or null when it may be pressed. */
function reasonOf(lookup: Lookup, handle: string): string | null {
  if (lookup.status === 'loading') return null;
  // Anyone may have typed this handle at sign-up: only its verified owner is the person on this profile.
  if (lookup.status === 'ready' && !lookup.user.verified) return t('contentNotOnClipdm', handle);
  if (lookup.status === 'ready') return lookup.user.canMessage ? null : t('contentCannotMessage', handle);
  if (lookup.code === 'signed_out' || lookup.code === 'unauthorized') return null;
  if (lookup.code === 'not_found') return t('contentNotOnClipdm', handle);
  return errorText(lookup.code);
}

/**
 * "Message" on a profile page: opens the direct conversation with the verified owner of that handle in the
 * side panel. A handle with no verified owner is "not on ClipDM yet", whoever registered it here.
 */
export function MessageButton({ handle }: { handle: string }) {
  const account = useAccount();
  const [lookup, setLookup] = useState<Lookup>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const signedIn = account.status === 'ready';

  useEffect(() => {
    let live = true;
    setLookup({ status: 'loading' });
    sendToBackground({ type: 'clipdm:get-user', handle })
      .then(
        (answer): Lookup =>
          answer.ok ? { status: 'ready', user: answer.user } : { status: 'error', code: answer.error.code },
      )
      .catch((): Lookup => ({ status: 'error', code: 'offline' }))
      .then((next) => live && setLookup(next));
    return () => {
      live = false;
    };
    // Signing in or out changes what the API says about this person.
  }, [handle, signedIn]);

  if (account.status === 'ready' && account.me.handle === handle) return null;

  const reason = reasonOf(lookup, handle);
  const disabled = lookup.status === 'loading' || reason !== null;

  async function open() {
    setError(null);
    const answer = await sendToBackground({ type: 'clipdm:open-conversation-with', handle }).catch(
      () => null,
    );
    if (!answer) setError(errorText('offline'));
    else if (!answer.ok) setError(errorText(answer.error.code));
  }

  return (
    <div class="profile">
      <button
        type="button"
        class="message-button"
        onClick={open}
        disabled={disabled}
        aria-describedby={reason ? 'clipdm-reason' : undefined}
      >
        <PaperPlane />
        <span>{t('contentMessage')}</span>
      </button>
      {reason && (
        <p id="clipdm-reason" class="reason">
          {reason}
        </p>
      )}
      {error && (
        <p class="bubble" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
