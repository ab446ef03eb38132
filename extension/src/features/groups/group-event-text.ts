import type { ConversationEvent, Member } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';

/**
 * How a person in a group change is named: "You" for the viewer, the display name when the members list
 * knows them, else the @handle. The stored event only carries id and handle, and the handle is blank once
 * the account is deleted.
 */
export function eventPersonName(
  person: { id: string; handle: string },
  members: Member[],
  myId: string,
): string {
  if (person.id === myId) return t('you');
  const known = members.find((m) => m.id === person.id);
  if (known?.displayName) return known.displayName;
  return person.handle ? `@${person.handle}` : t('deletedAccount');
}

/** One line for a group change: "Alice added Carol, @dave", "You created the group". */
export function eventText(
  event: ConversationEvent | null | undefined,
  members: Member[],
  myId: string,
): string {
  if (!event) return t('previewEvent');
  const actor = eventPersonName(event.actor, members, myId);
  const targets = event.targets.map((x) => eventPersonName(x, members, myId)).join(', ');
  switch (event.type) {
    case 'created':
      return t('eventCreated', actor);
    case 'added':
      return t('eventAdded', [actor, targets]);
    case 'removed':
      return t('eventRemoved', [actor, targets]);
    case 'left':
      return t('eventLeft', actor);
    case 'renamed':
      return t('eventRenamed', [actor, event.title ?? '']);
  }
}
