import type { Member, Message } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { clockTime } from '../../ui/time-format.ts';
import { eventText } from '../groups/group-event-text.ts';
import { MessageActions } from './MessageActions.tsx';
import { Reactions } from './Reactions.tsx';
import { VideoCard } from './VideoCard.tsx';

/** One message. Its text is a Preact text node: user content is never parsed as HTML. */
export function MessageItem({
  message,
  mine,
  members,
  myId,
  showSender,
  hidePreviews,
  seen,
  onReact,
  onUnsend,
  onHide,
}: {
  message: Message;
  mine: boolean;
  /** The conversation's members and the viewer, to name the people in a group change. */
  members: Member[];
  myId: string;
  showSender: boolean;
  hidePreviews: boolean;
  seen: string | null;
  onReact: (emoji: string) => void;
  onUnsend: () => void;
  onHide: () => void;
}) {
  if (message.kind === 'event') {
    return (
      <li class="event-line" data-testid="message" data-seq={message.seq} data-status="sent">
        {eventText(message.event, members, myId)}
      </li>
    );
  }
  const unsent = message.unsentAt !== null;
  return (
    <li
      class={`message${mine ? ' mine' : ''}${unsent ? ' unsent' : ''}`}
      data-testid="message"
      data-seq={message.seq}
      data-status="sent"
    >
      {showSender && !mine && <span class="sender">{message.sender.displayName}</span>}
      <div class="bubble-row">
        <div class="bubble">
          {unsent ? (
            <em>{t('messageUnsent')}</em>
          ) : message.video ? (
            <VideoCard video={message.video} hidePreview={hidePreviews} />
          ) : (
            <span class="text">{message.text}</span>
          )}
          <time class="time" dateTime={message.createdAt}>
            {clockTime(message.createdAt)}
          </time>
        </div>
        {!unsent && (
          <MessageActions
            mine={mine}
            canReact={!hidePreviews}
            onReact={onReact}
            onUnsend={onUnsend}
            onHide={onHide}
          />
        )}
      </div>
      <Reactions reactions={message.reactions} onReact={onReact} />
      {seen && <span class="seen">{seen}</span>}
    </li>
  );
}
