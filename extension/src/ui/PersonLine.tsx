import type { User } from '@clipdm/shared';
import { t } from '../browser/i18n.ts';
import { Avatar } from './Avatar.tsx';
import { VerifiedMark } from './VerifiedMark.tsx';

/** Who someone is, and whether you may message them, shown before anything is typed to them. */
export function PersonLine({ user, showCanMessage = true }: { user: User; showCanMessage?: boolean }) {
  return (
    <span class="person">
      <Avatar name={user.displayName} url={user.avatarUrl} />
      <span class="person-text">
        {/* One line: in the column of lines below, the mark alone would stretch to its width. */}
        <span>
          <bdi class="person-name">{user.displayName}</bdi>
          <VerifiedMark verified={user.verified} />
        </span>
        <span class="quiet"> @{user.handle}</span>
        {showCanMessage && (
          <span class={`can-message ${user.canMessage ? 'yes' : 'no'}`}>
            {user.canMessage ? t('canMessage') : t('cannotMessageUser')}
          </span>
        )}
      </span>
    </span>
  );
}
