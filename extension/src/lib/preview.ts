import type { Message } from '@clipdm/shared';
import { t } from './i18n.ts';

/** The one-line summary of a message in a list ("You: hi", "Shared a video", "Message unsent"). */
export function previewText(message: Message | null, myId: string): string {
  if (!message) return t('noMessagesYet');
  let body: string;
  if (message.unsentAt) body = t('messageUnsent');
  else if (message.kind === 'video') body = t('previewVideo');
  else if (message.kind === 'event') body = t('previewEvent');
  else body = message.text ?? '';
  return message.sender.id === myId ? t('previewYou', body) : body;
}
