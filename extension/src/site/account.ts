import type { Me, Settings } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import type { ClientErrorCode } from '../api/http.ts';
import { sendToBackground } from '../background/content-requests.ts';

/** What the page's UI knows about the signed-in person; shared by the privacy chip and the profile button. */
export type Account =
  | { status: 'loading' }
  | { status: 'signed_out' }
  | { status: 'error'; code: ClientErrorCode }
  | { status: 'ready'; me: Me; settings: Settings };

type Listener = (account: Account) => void;

let current: Account = { status: 'loading' };
let inFlight: Promise<Account> | null = null;
const listeners = new Set<Listener>();

export function getAccount(): Account {
  return current;
}

export function setAccount(next: Account): void {
  current = next;
  for (const listener of listeners) listener(next);
}

/** Calls `listener` on every change; returns the unsubscribe function. */
export function onAccountChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks the background for the session and settings again (sign-in happens in the side panel). */
export function refreshAccount(): Promise<Account> {
  inFlight ??= sendToBackground({ type: 'clipdm:get-settings' })
    .then((answer): Account => {
      if (answer.ok) return { status: 'ready', me: answer.me, settings: answer.settings };
      return answer.error.code === 'signed_out'
        ? { status: 'signed_out' }
        : { status: 'error', code: answer.error.code };
    })
    // A background that cannot answer (extension reloading) looks like being offline to the page.
    .catch((): Account => ({ status: 'error', code: 'offline' }))
    .then((account) => {
      inFlight = null;
      setAccount(account);
      return account;
    });
  return inFlight;
}

/** The current account, re-rendering the component when it changes. */
export function useAccount(): Account {
  const [account, setLocal] = useState(current);
  useEffect(() => {
    setLocal(current);
    return onAccountChange(setLocal);
  }, []);
  return account;
}
