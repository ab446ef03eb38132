import { type AgeGroup, allowedPolicies, DM_POLICIES, type DmPolicy } from '@clipdm/shared';
import { type MessageKey, t } from '../../browser/i18n.ts';

const LABELS: Record<DmPolicy, [MessageKey, MessageKey]> = {
  everyone: ['policyEveryone', 'policyEveryoneHint'],
  suggested: ['policySuggested', 'policySuggestedHint'],
  friends: ['policyFriends', 'policyFriendsHint'],
  no_one: ['policyNoOne', 'policyNoOneHint'],
};

/**
 * "Who can send you direct messages": the four policies with a line each. Policies the viewer's age
 * does not allow stay visible but disabled, with the reason.
 */
export function PrivacySetting({
  value,
  ageGroup,
  onChange,
}: {
  value: DmPolicy;
  ageGroup: AgeGroup;
  onChange: (policy: DmPolicy) => void;
}) {
  const allowed = allowedPolicies(ageGroup);
  const ageNote = ageGroup === '13-15' ? t('ageNote1315') : ageGroup === '16-17' ? t('ageNote1617') : null;
  return (
    <fieldset class="policy" aria-describedby={ageNote ? 'age-note' : undefined}>
      <legend>{t('whoCanMessage')}</legend>
      <div role="radiogroup" aria-label={t('whoCanMessage')}>
        {DM_POLICIES.map((policy) => {
          const [label, hint] = LABELS[policy];
          const disabled = !allowed.includes(policy);
          return (
            <label key={policy} class={`option${allowed.includes(policy) ? '' : ' unavailable'}`}>
              <input
                type="radio"
                name="dm-policy"
                value={policy}
                checked={value === policy}
                disabled={disabled}
                aria-describedby={`hint-${policy}`}
                onChange={() => onChange(policy)}
              />
              <span>
                <span class="option-label">{t(label)}</span>
                <span id={`hint-${policy}`} class="hint">
                  {t(hint)}
                  {!allowed.includes(policy) && ` ${t('notAvailableAtYourAge')}`}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {ageNote && (
        <p id="age-note" class="hint">
          {ageNote}
        </p>
      )}
    </fieldset>
  );
}
