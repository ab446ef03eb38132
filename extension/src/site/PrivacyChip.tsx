// The age module alone: the package index would pull zod's schemas into every page of the site.
import { allowedPolicies, DM_POLICIES, type DmPolicy } from '@clipdm/shared/age';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../background/content-requests.ts';
import { type MessageKey, t } from '../browser/i18n.ts';
import { refreshAccount, setAccount, useAccount } from './account.ts';
import { errorText } from './content-error-text.ts';
import { Lock } from './icons.tsx';

const POLICY_NAMES: Record<DmPolicy, MessageKey> = {
  everyone: 'contentPolicyEveryone',
  suggested: 'contentPolicySuggested',
  friends: 'contentPolicyFriends',
  no_one: 'contentPolicyNoOne',
};

/** Moves focus between the enabled options of the open menu with the arrow keys. */
function moveFocus(menu: HTMLElement | null, step: 1 | -1) {
  if (!menu) return;
  const items = [...menu.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
  // Inside a shadow root the focused element is the root's, not the document's.
  const root = menu.getRootNode() as ShadowRoot | Document;
  const from = items.indexOf(root.activeElement as HTMLButtonElement);
  items[(from + step + items.length) % items.length]?.focus();
}

/** "DMs: Mutual friends ▾" in a corner of the site: who may message you, changed in one pick. */
export function PrivacyChip() {
  const account = useAccount();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const chip = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[aria-checked="true"]')?.focus();
    const closeOutside = (event: Event) => {
      if (wrap.current && !event.composedPath().includes(wrap.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  async function toggle() {
    setMessage(null);
    if (account.status !== 'ready') {
      // They may have just signed in in the side panel.
      const fresh = await refreshAccount();
      if (fresh.status === 'signed_out') setMessage(t('contentSignInHint'));
      else if (fresh.status === 'error') setMessage(errorText(fresh.code));
      else setOpen(true);
      return;
    }
    setOpen(!open);
  }

  async function choose(dmPolicy: DmPolicy) {
    if (account.status !== 'ready') return;
    setSaving(true);
    const answer = await sendToBackground({ type: 'clipdm:set-policy', dmPolicy }).catch(() => null);
    setSaving(false);
    if (answer?.ok) {
      setAccount({ ...account, settings: answer.settings });
      setOpen(false);
      setMessage(t('contentPolicySaved', t(POLICY_NAMES[answer.settings.dmPolicy])));
      chip.current?.focus();
    } else {
      setMessage(errorText(answer ? answer.error.code : 'offline'));
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      chip.current?.focus();
    } else if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      moveFocus(menu.current, event.key === 'ArrowDown' ? 1 : -1);
    }
  }

  const label =
    account.status === 'ready'
      ? t('contentChipLabel', t(POLICY_NAMES[account.settings.dmPolicy]))
      : account.status === 'loading'
        ? t('contentChipLabel', '…')
        : t('contentChipSignedOut');
  const allowed = account.status === 'ready' ? allowedPolicies(account.me.ageGroup) : [];

  return (
    <div class="chip-wrap" ref={wrap}>
      {open && account.status === 'ready' && (
        <div class="menu" role="menu" aria-label={t('contentChipMenuLabel')} ref={menu} onKeyDown={onKeyDown}>
          <p class="menu-title" aria-hidden="true">
            {t('contentChipMenuLabel')}
          </p>
          {DM_POLICIES.map((policy) => {
            const available = allowed.includes(policy);
            return (
              <button
                key={policy}
                type="button"
                role="menuitemradio"
                aria-checked={account.settings.dmPolicy === policy}
                disabled={!available || saving}
                onClick={() => choose(policy)}
              >
                <span>{t(POLICY_NAMES[policy])}</span>
                {!available && <small>{t('contentPolicyUnavailable')}</small>}
              </button>
            );
          })}
        </div>
      )}
      {message && (
        <p class="bubble" role="status">
          {message}
        </p>
      )}
      <button
        type="button"
        class="chip"
        ref={chip}
        onClick={toggle}
        onKeyDown={onKeyDown}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={account.status === 'loading'}
      >
        <Lock />
        <span>{label}</span>
        {account.status === 'ready' && <span aria-hidden="true"> ▾</span>}
      </button>
    </div>
  );
}
