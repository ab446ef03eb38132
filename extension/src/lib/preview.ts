import type { Message } from '@clipdm/shared';
import { t } from './i18n.ts';

/**
 * The one-line summary of a message in a list ("You: hi", "Shared a video", "Message unsent"); in a
 * group, others' messages say who wrote them ("Bob: hi").
 */
export function previewText(message: Message | null, myId: string, inGroup = false): string {
  if (!message) return t('noMessagesYet');
  let body: string;
  if (message.unsentAt) body = t('messageUnsent');
  else if (message.kind === 'video') body = t('previewVideo');
  else if (message.kind === 'event') body = t('previewEvent');
  else body = message.text ?? '';
  // A group change ("Group updated") is nobody's message: no "You:" or name in front of it.
  if (message.kind === 'event' && !message.unsentAt) return body;
  if (message.sender.id === myId) return t('previewYou', body);
  return inGroup ? t('previewSender', [message.sender.displayName, body]) : body;
}
