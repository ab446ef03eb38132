import type { Message } from '@clipdm/shared';
import { t } from '../lib/i18n.ts';
import { clockTime } from '../lib/relative-time.ts';
import { MessageActions } from './MessageActions.tsx';
import { Reactions } from './Reactions.tsx';
import { VideoCard } from './VideoCard.tsx';

function eventText(message: Message): string {
  const event = message.event;
  if (!event) return t('previewEvent');
  const actor = `@${event.actor.handle}`;
  const targets = event.targets.map((x) => `@${x.handle}`).join(', ');
  switch (event.type) {
    case 'created':
      return t('eventCreated', actor);
    case 'added':
      return t('eventAdded', [actor, targets]);
    case 'removed':
      return t('eventRemoved', [actor, targets]);
    case 'left':
      return t('eventLeft', actor);
    case 'renamed':
      return t('eventRenamed', [actor, event.title ?? '']);
  }
}

/** One message. Its text is a Preact text node: user content is never parsed as HTML. */
export function MessageItem({
  message,
  mine,
  showSender,
  hidePreviews,
  seen,
  onReact,
  onUnsend,
  onHide,
}: {
  message: Message;
  mine: boolean;
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
        {eventText(message)}
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
