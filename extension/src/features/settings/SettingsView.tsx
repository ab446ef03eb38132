import type { DmPolicy, Me, Settings } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { AccountSection } from './AccountSection.tsx';
import { BlockedList } from './BlockedList.tsx';
import { ContactSync } from './ContactSync.tsx';
import { PrivacySetting } from './PrivacySetting.tsx';

/** Privacy (who may message you, read receipts), contact sync, blocked accounts and the account. */
export function SettingsView({ me }: { me: Me }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);

  useEffect(() => {
    api
      .getSettings()
      .then(setSettings)
      .catch((e) => setError(asFailure(e)));
  }, []);

  /** Shows the choice at once (focus and selection stay put) and puts the old value back if refused. */
  async function save(patch: { dmPolicy?: DmPolicy; readReceipts?: boolean }) {
    const before = settings;
    if (before) setSettings({ ...before, ...patch });
    setBusy(true);
    setSaved(false);
    try {
      setSettings(await api.patchSettings(patch));
      setSaved(true);
      setError(null);
    } catch (e) {
      setSettings(before);
      setError(asFailure(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings')}</h2>
      {settings && (
        <section class="settings-section" aria-busy={busy}>
          <PrivacySetting
            value={settings.dmPolicy}
            ageGroup={me.ageGroup}
            onChange={(dmPolicy) => void save({ dmPolicy })}
          />
          <label class="option">
            <input
              type="checkbox"
              checked={settings.readReceipts}
              onChange={(e) => void save({ readReceipts: e.currentTarget.checked })}
            />
            <span>
              <span class="option-label">{t('readReceipts')}</span>
              <span class="hint">{t('readReceiptsHint')}</span>
            </span>
          </label>
          <p class="ok" role="status">
            {saved ? t('saved') : ''}
          </p>
        </section>
      )}
      <ErrorNote error={error} />
      <ContactSync />
      <BlockedList />
      <AccountSection me={me} />
    </section>
  );
}
