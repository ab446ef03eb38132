import type { Member } from '@clipdm/shared';
import { initials } from './display-names.ts';

/**
 * A group's picture: the first two other members' initials, overlapping, so a group never looks like one
 * person whose name happens to be the group's title.
 */
export function GroupAvatar({ members }: { members: Member[] }) {
  const [first, second] = members;
  return (
    <span class="avatar group-avatar" aria-hidden="true" data-testid="group-avatar">
      <span class="group-avatar-back">{initials(second?.displayName ?? '')}</span>
      <span class="group-avatar-front">{initials(first?.displayName ?? '')}</span>
    </span>
  );
}
