import type { Me } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { Avatar } from '../../ui/Avatar.tsx';

/** Who is signed in, always in view: two accounts on one browser must never be confused. */
export function SignedInAs({ me }: { me: Me }) {
  return (
    <p class="signed-in-as" title={t('signedInAs', [me.displayName, `@${me.handle}`])}>
      <Avatar name={me.displayName} url={me.avatarUrl ?? null} />
      <span class="visually-hidden">{t('signedInAs', [me.displayName, `@${me.handle}`])}</span>
      <span aria-hidden="true">@{me.handle}</span>
    </p>
  );
}
