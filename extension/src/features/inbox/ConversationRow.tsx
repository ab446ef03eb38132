import type { Conversation } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { conversationName, otherMembers } from '../../ui/display-names.ts';
import { relativeTime } from '../../ui/time-format.ts';
import { previewText } from './message-preview.ts';

/** One conversation in a list: its name comes first, so the button's accessible name starts with it. */
export function ConversationRow({
  conversation,
  myId,
  hideAvatar = false,
  onOpen,
}: {
  conversation: Conversation;
  myId: string;
  hideAvatar?: boolean;
  onOpen: (conversation: Conversation) => void;
}) {
  const name = conversationName(conversation, myId);
  const other = otherMembers(conversation, myId)[0];
  const video = conversation.lastMessage?.kind === 'video' && !conversation.lastMessage.unsentAt;
  const unread = conversation.unreadCount > 0;
  return (
    <button
      type="button"
      class={`row${unread ? ' unread' : ''}`}
      data-testid="conversation-row"
      onClick={() => onOpen(conversation)}
    >
      <span class="row-name">
        {name}
        {conversation.muted && <span class="muted-mark"> · {t('muted')}</span>}
      </span>
      <Avatar
        name={name}
        url={conversation.kind === 'direct' ? (other?.avatarUrl ?? null) : null}
        hidden={hideAvatar}
      />
      <span class={`row-preview${video ? ' video-line' : ''}`}>
        {video && <span aria-hidden="true">▶ </span>}
        {previewText(conversation.lastMessage, myId, conversation.kind === 'group', conversation.members)}
      </span>
      <span class="row-time">
        <time dateTime={conversation.lastActivityAt}>{relativeTime(conversation.lastActivityAt)}</time>
      </span>
      {unread && (
        <span class="row-unread">
          <span aria-hidden="true">{conversation.unreadCount}</span>
          <span class="visually-hidden">{t('unreadMessages', String(conversation.unreadCount))}</span>
        </span>
      )}
    </button>
  );
}
