import type { Conversation, Message } from '@clipdm/shared';
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';
import type { OutboxItem } from '../../browser/storage-items.ts';
import { dayKey, dayLabel } from '../../ui/time-format.ts';
import { MessageItem } from './MessageItem.tsx';
import { PendingItem } from './PendingItem.tsx';
import { seenLabel } from './seen-label.ts';

interface Props {
  conversation: Conversation;
  messages: Message[];
  pending: OutboxItem[];
  myId: string;
  hasOlder: boolean;
  hidePreviews: boolean;
  onLoadOlder: () => void;
  onReact: (message: Message, emoji: string) => void;
  onUnsend: (message: Message) => void;
  onHide: (message: Message) => void;
  onRetry: (item: OutboxItem) => void;
  onDiscard: (item: OutboxItem) => void;
}

/**
 * The messages of a conversation, grouped by day and by sender, own ones aligned apart, queued ones
 * last. Scrolling to the top loads older messages without moving what the reader is looking at.
 */
export function MessageList(props: Props) {
  const { conversation, messages, myId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const previous = useRef({ first: 0, last: 0, height: 0 });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.seq ?? 0;
    const last = messages.at(-1)?.seq ?? 0;
    const before = previous.current;
    if (before.first && first < before.first) {
      // Older messages were added above: keep the same message under the reader's eyes.
      el.scrollTop += el.scrollHeight - before.height;
    } else if (last !== before.last || props.pending.length) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { first, last, height: el.scrollHeight };
  }, [messages, props.pending.length]);

  const sentClientIds = new Set(messages.map((m) => m.clientId).filter(Boolean));
  const seen = seenLabel(conversation, messages, myId);
  const items: JSX.Element[] = [];
  let day = '';
  let sender = '';
  for (const message of messages) {
    const key = dayKey(message.createdAt);
    if (key !== day) {
      day = key;
      sender = '';
      items.push(
        <li key={`day-${key}`} class="day">
          {dayLabel(message.createdAt)}
        </li>,
      );
    }
    const showSender = conversation.kind === 'group' && message.sender.id !== sender;
    sender = message.kind === 'event' ? '' : message.sender.id;
    items.push(
      <MessageItem
        key={message.id}
        message={message}
        mine={message.sender.id === myId}
        members={conversation.members}
        myId={myId}
        showSender={showSender}
        hidePreviews={props.hidePreviews}
        seen={seen?.seq === message.seq ? seen.label : null}
        onReact={(emoji) => props.onReact(message, emoji)}
        onUnsend={() => props.onUnsend(message)}
        onHide={() => props.onHide(message)}
      />,
    );
  }
  for (const item of props.pending) {
    if (sentClientIds.has(item.clientId)) continue;
    items.push(
      <PendingItem
        key={item.clientId}
        item={item}
        onRetry={() => props.onRetry(item)}
        onDiscard={() => props.onDiscard(item)}
      />,
    );
  }

  return (
    <div
      class="messages"
      ref={scroller}
      role="log"
      aria-label={t('history')}
      onScroll={(e) => {
        if (props.hasOlder && e.currentTarget.scrollTop < 40) props.onLoadOlder();
      }}
    >
      {props.hasOlder && (
        <button type="button" class="link load-more" onClick={props.onLoadOlder}>
          {t('loadOlder')}
        </button>
      )}
      {messages.length === 0 && props.pending.length === 0 && <p class="empty">{t('noMessagesYet')}</p>}
      <ol class="message-list">{items}</ol>
    </div>
  );
}
