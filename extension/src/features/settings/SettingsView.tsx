import type { DmPolicy, Me, Settings } from '@clipdm/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { browser } from 'wxt/browser';
import { api } from '../../api/client.ts';
import { failureOf } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { AccountSection } from './AccountSection.tsx';
import { BlockedList } from './BlockedList.tsx';
import { ContactSync } from './ContactSync.tsx';
import { FacebookLink } from './FacebookLink.tsx';
import { IdentifiersSection } from './IdentifiersSection.tsx';
import { PrivacySetting } from './PrivacySetting.tsx';
import { SiteLinkSection } from './SiteLinkSection.tsx';
import { SuggestedFriends } from './SuggestedFriends.tsx';

type SettingsPatch = { dmPolicy?: DmPolicy; readReceipts?: boolean };

/** Privacy (who may message you, read receipts), contact sync, blocked accounts and the account. */
export function SettingsView({ me }: { me: Me }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.settings, queryFn: api.getSettings });
  // Optimistic: the choice shows at once (focus and selection stay put); a refusal puts the old value back.
  const save = useMutation({
    mutationFn: (patch: SettingsPatch) => api.patchSettings(patch),
    onMutate: async (patch) => {
      await client.cancelQueries({ queryKey: queryKeys.settings });
      const before = client.getQueryData<Settings>(queryKeys.settings);
      if (before) client.setQueryData<Settings>(queryKeys.settings, { ...before, ...patch });
      return { before };
    },
    onError: (_, __, context) => client.setQueryData(queryKeys.settings, context?.before),
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
  });
  const settings = query.data;
  const busy = save.isPending;
  const saved = save.isSuccess;
  const error = failureOf(save.error ?? query.error);

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings')}</h2>
      {settings && (
        <section class="settings-section" aria-busy={busy}>
          <PrivacySetting
            value={settings.dmPolicy}
            ageGroup={me.ageGroup}
            onChange={(dmPolicy) => save.mutate({ dmPolicy })}
          />
          <label class="option">
            <input
              type="checkbox"
              checked={settings.readReceipts}
              onChange={(e) => save.mutate({ readReceipts: e.currentTarget.checked })}
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
      <SiteLinkSection me={me} />
      <IdentifiersSection />
      <ContactSync />
      <SuggestedFriends />
      <FacebookLink />
      <BlockedList />
      <AccountSection me={me} />
      <details class="settings-section advanced">
        <summary>{t('advanced')}</summary>
        <p class="hint">{t('advancedHint')}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('serverAddress')}
        </button>
      </details>
    </section>
  );
}
