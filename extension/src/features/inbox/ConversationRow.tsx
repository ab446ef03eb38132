import type { Conversation } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { plural } from '../../browser/plural.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { conversationName, otherMembers } from '../../ui/display-names.ts';
import { GroupAvatar } from '../../ui/GroupAvatar.tsx';
import { relativeTime } from '../../ui/time-format.ts';
import { VerifiedMark } from '../../ui/VerifiedMark.tsx';
import { previewText } from './message-preview.ts';

/** One conversation in a list: its name comes first, so the button's accessible name starts with it. */
export function ConversationRow({
  conversation,
  myId,
  hideAvatar = false,
  showHandle = false,
  pinned = false,
  onOpen,
}: {
  conversation: Conversation;
  myId: string;
  hideAvatar?: boolean;
  /** Requests show the sender's @handle: a display name alone ("💰 FREE COINS 💰") says nothing. */
  showHandle?: boolean;
  pinned?: boolean;
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
      data-focus-key={`conversation-${conversation.id}`}
      onClick={() => onOpen(conversation)}
    >
      <span class="row-name">
        <bdi>{name}</bdi>
        {conversation.kind === 'direct' && <VerifiedMark verified={other?.verified ?? false} />}
        {showHandle && other && <span class="row-handle"> @{other.handle}</span>}
        {pinned && (
          <span class="pin-mark" title={t('pinned')}>
            {' '}
            <span aria-hidden="true">📌</span>
            <span class="visually-hidden">{t('pinned')}</span>
          </span>
        )}
        {conversation.muted && <span class="muted-mark"> · {t('muted')}</span>}
      </span>
      {conversation.kind === 'group' ? (
        <GroupAvatar members={otherMembers(conversation, myId)} />
      ) : (
        <Avatar name={name} url={other?.avatarUrl ?? null} hidden={hideAvatar} />
      )}
      <span class={`row-preview${video ? ' video-line' : ''}`}>
        {video && <span aria-hidden="true">▶ </span>}
        <bdi>
          {previewText(conversation.lastMessage, myId, conversation.kind === 'group', conversation.members)}
        </bdi>
      </span>
      <span class="row-time">
        <time dateTime={conversation.lastActivityAt}>{relativeTime(conversation.lastActivityAt)}</time>
      </span>
      {unread && (
        <span class="row-unread">
          <span aria-hidden="true">{conversation.unreadCount}</span>
          <span class="visually-hidden">{plural('unreadMessages', conversation.unreadCount)}</span>
        </span>
      )}
    </button>
  );
}
