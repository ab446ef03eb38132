import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';

/** The labelled search box used to find people by handle or name; it takes focus when shown, unless told not to. */
export function UserSearchField({
  value,
  onInput,
  autoFocus = true,
}: {
  value: string;
  onInput: (value: string) => void;
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  return (
    <div class="field">
      <label for="people-search">{t('searchPeople')}</label>
      <input
        id="people-search"
        ref={ref}
        type="search"
        autocomplete="off"
        placeholder={t('searchPeoplePlaceholder')}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
