import type { Member, Message } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { eventText } from '../groups/group-event-text.ts';

/**
 * The one-line summary of a message in a list ("You: hi", "Shared a video", "Message unsent"); in a
 * group, others' messages say who wrote them ("Bob: hi"), and a group change says what changed, naming
 * people from `members` ("Alice added Carol").
 */
export function previewText(
  message: Message | null,
  myId: string,
  inGroup = false,
  members: Member[] = [],
): string {
  if (!message) return t('noMessagesYet');
  let body: string;
  if (message.unsentAt) body = t('messageUnsent');
  else if (message.kind === 'video') body = t('previewVideo');
  else if (message.kind === 'event') body = eventText(message.event, members, myId);
  else body = message.text ?? '';
  // A group change ("Alice added Carol") is nobody's message: no "You:" or name in front of it.
  if (message.kind === 'event' && !message.unsentAt) return body;
  if (message.sender.id === myId) return t('previewYou', body);
  return inGroup ? t('previewSender', [message.sender.displayName, body]) : body;
}
