import type { Conversation, Message } from '@clipdm/shared';
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
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
  /** Absent where replying is not possible. */
  onReply?: (message: Message) => void;
  onUnsend: (message: Message) => void;
  onHide: (message: Message) => void;
  onRetry: (item: OutboxItem) => void;
  onDiscard: (item: OutboxItem) => void;
}

/** Within this of the bottom counts as "at the bottom": a reader following along. */
const BOTTOM_SLACK_PX = 80;
/** Messages closer than this, from one sender on one day, form one block of bubbles. */
const BLOCK_GAP_MS = 5 * 60_000;

function isAtBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK_PX;
}

function sameBlock(a: Message | undefined, b: Message | undefined): boolean {
  if (!a || !b || a.kind === 'event' || b.kind === 'event' || a.sender.id !== b.sender.id) return false;
  if (dayKey(a.createdAt) !== dayKey(b.createdAt)) return false;
  return Math.abs(Date.parse(b.createdAt) - Date.parse(a.createdAt)) < BLOCK_GAP_MS;
}

/**
 * The messages of a conversation, grouped by day and by sender, own ones aligned apart, queued ones
 * last. Scrolling to the top loads older messages without moving what the reader is looking at.
 */
export function MessageList(props: Props) {
  const { conversation, messages, myId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const previous = useRef({ first: 0, last: 0, height: 0, pending: 0, atBottom: true });
  const [unseenBelow, setUnseenBelow] = useState(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.seq ?? 0;
    const last = messages.at(-1)?.seq ?? 0;
    const before = previous.current;
    const newest = messages.at(-1);
    if (before.first && first < before.first) {
      // Older messages were added above: keep the same message under the reader's eyes.
      el.scrollTop += el.scrollHeight - before.height;
    } else if (!before.last || props.pending.length > before.pending || newest?.sender.id === myId) {
      // The first page, or the reader's own message: the bottom is where they are looking.
      el.scrollTop = el.scrollHeight;
    } else if (last !== before.last) {
      // Someone else wrote: follow only a reader who was already at the bottom; one reading older
      // messages is told there is something new instead of being pulled away from them.
      if (before.atBottom) el.scrollTop = el.scrollHeight;
      else setUnseenBelow(true);
    }
    previous.current = {
      first,
      last,
      height: el.scrollHeight,
      pending: props.pending.length,
      atBottom: isAtBottom(el),
    };
  }, [messages, props.pending.length]);

  const toBottom = () => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    setUnseenBelow(false);
  };

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
    const index = messages.indexOf(message);
    items.push(
      <MessageItem
        key={message.id}
        message={message}
        mine={message.sender.id === myId}
        members={conversation.members}
        myId={myId}
        showSender={showSender}
        follows={sameBlock(messages[index - 1], message)}
        followed={sameBlock(message, messages[index + 1])}
        hidePreviews={props.hidePreviews}
        seen={seen?.seq === message.seq ? seen.label : null}
        onReact={(emoji) => props.onReact(message, emoji)}
        onReply={props.onReply && (() => props.onReply?.(message))}
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
        const el = e.currentTarget;
        if (props.hasOlder && el.scrollTop < 40) props.onLoadOlder();
        previous.current.atBottom = isAtBottom(el);
        if (unseenBelow && previous.current.atBottom) setUnseenBelow(false);
      }}
    >
      {props.hasOlder && (
        <button type="button" class="link load-more" onClick={props.onLoadOlder}>
          {t('loadOlder')}
        </button>
      )}
      {messages.length === 0 && props.pending.length === 0 && <p class="empty">{t('noMessagesYet')}</p>}
      <ol class="message-list">{items}</ol>
      {unseenBelow && (
        <button type="button" class="new-below" onClick={toBottom}>
          {t('newMessagesBelow')}
        </button>
      )}
    </div>
  );
}
