import { t } from '../browser/i18n.ts';
import { plural } from '../browser/plural.ts';

export type Tab = 'inbox' | 'requests';

function Count({ value, testId, label }: { value: number; testId: string; label: string }) {
  if (value <= 0) return null;
  return (
    <span class="count">
      <span data-testid={testId} aria-hidden="true">
        {value}
      </span>
      <span class="visually-hidden">{label}</span>
    </span>
  );
}

/** The Inbox / Requests switch, each with how many conversations are unread. */
export function Tabs({
  active,
  unread,
  onSelect,
}: {
  active: Tab | null;
  unread: { inbox: number; requests: number };
  onSelect: (tab: Tab) => void;
}) {
  // Arrow keys move between the two tabs, selecting and focusing the other one (the ARIA tabs pattern).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next: Tab = active === 'inbox' ? 'requests' : 'inbox';
    onSelect(next);
    const tabs = (event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="tab"]');
    tabs[next === 'inbox' ? 0 : 1]?.focus();
  };
  return (
    <div role="tablist" class="tabs" aria-label={t('boxes')} onKeyDown={onKeyDown}>
      <button
        type="button"
        role="tab"
        aria-selected={active === 'inbox'}
        tabIndex={active === 'requests' ? -1 : 0}
        onClick={() => onSelect('inbox')}
      >
        {t('inbox')}
        <Count value={unread.inbox} testId="inbox-count" label={plural('unreadCount', unread.inbox)} />
      </button>
      <button
        type="button"
        role="tab"
        aria-selected={active === 'requests'}
        tabIndex={active === 'requests' ? 0 : -1}
        onClick={() => onSelect('requests')}
      >
        {t('requests')}
        <Count
          value={unread.requests}
          testId="requests-count"
          label={plural('unreadCount', unread.requests)}
        />
      </button>
    </div>
  );
}
