import type { Conversation, Message } from '@clipdm/shared';
import { browser } from 'wxt/browser';
import { t } from '../browser/i18n.ts';
import { notifiedItem } from '../browser/storage-items.ts';
import { conversationName } from '../ui/display-names.ts';

const PREFIX = 'clipdm-conversation:';

/** The conversation id a notification belongs to, or null for someone else's notification. */
export function conversationOfNotification(notificationId: string): string | null {
  return notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : null;
}

/**
 * A desktop notification for a new message, once per message, never for muted conversations or
 * one's own messages. Requests say only who wrote (their content is not shown before accepting).
 */
export async function notifyMessage(
  conversation: Conversation,
  message: Message,
  myId: string,
): Promise<void> {
  if (conversation.muted || message.sender.id === myId || message.unsentAt) return;
  const seen = await notifiedItem.getValue();
  if (seen[conversation.id] === message.id) return;
  await notifiedItem.setValue({ ...seen, [conversation.id]: message.id });
  const isRequest = conversation.status === 'request';
  const body = isRequest
    ? t('notifyRequestBody', message.sender.displayName)
    : message.kind === 'video'
      ? t('previewVideo')
      : (message.text ?? '');
  await browser.notifications.create(`${PREFIX}${conversation.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: isRequest ? t('notifyRequestTitle') : conversationName(conversation, myId),
    message: body.slice(0, 200),
  });
}
