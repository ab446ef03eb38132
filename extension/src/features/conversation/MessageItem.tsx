import type { Member, Message } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';
import { clockTime } from '../../ui/time-format.ts';
import { eventText } from '../groups/group-event-text.ts';
import { MessageActions } from './MessageActions.tsx';
import { Quote } from './Quote.tsx';
import { Reactions } from './Reactions.tsx';
import { VideoCard } from './VideoCard.tsx';
import { videoFromText } from './video-hosts.ts';

/** One message. Its text is a Preact text node: user content is never parsed as HTML. */
export function MessageItem({
  message,
  mine,
  members,
  myId,
  showSender,
  follows = false,
  followed = false,
  hidePreviews,
  seen,
  onReact,
  onReply,
  onUnsend,
  onHide,
}: {
  message: Message;
  mine: boolean;
  /** The conversation's members and the viewer, to name the people in a group change. */
  members: Member[];
  myId: string;
  showSender: boolean;
  /** The previous message is from the same sender, close in time: this one joins its block. */
  follows?: boolean;
  /** The next message joins this one's block: its time is shown on demand only. */
  followed?: boolean;
  hidePreviews: boolean;
  seen: string | null;
  onReact: (emoji: string) => void;
  onReply?: () => void;
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
  // A link to a video pasted as text reads as the video it points to, as it does when shared.
  const pastedVideo = message.kind === 'text' && message.text ? videoFromText(message.text) : null;
  return (
    <li
      class={`message${mine ? ' mine' : ''}${unsent ? ' unsent' : ''}${follows ? ' follows' : ''}${followed ? ' followed' : ''}`}
      data-testid="message"
      data-seq={message.seq}
      data-id={message.id}
      data-status="sent"
    >
      {showSender && !mine && <bdi class="sender">{message.sender.displayName}</bdi>}
      <div class="bubble-row">
        <div class="bubble">
          {!unsent && message.replyTo && <Quote quote={message.replyTo} myId={myId} />}
          {unsent ? (
            <em>{t('messageUnsent')}</em>
          ) : message.video ? (
            <VideoCard video={message.video} hidePreview={hidePreviews} />
          ) : pastedVideo ? (
            <VideoCard video={pastedVideo} hidePreview={hidePreviews} />
          ) : (
            <bdi class="text">{message.text}</bdi>
          )}
        </div>
        {!unsent && (
          <MessageActions
            mine={mine}
            canReact={!hidePreviews}
            onReply={onReply}
            text={message.kind === 'text' ? message.text : null}
            onReact={onReact}
            onUnsend={onUnsend}
            onHide={onHide}
          />
        )}
      </div>
      <Reactions reactions={message.reactions} onReact={onReact} />
      <time class="time" dateTime={message.createdAt}>
        {clockTime(message.createdAt)}
      </time>
      {seen && <span class="seen">{seen}</span>}
    </li>
  );
}
