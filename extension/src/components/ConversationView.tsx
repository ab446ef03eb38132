import type { Conversation } from '@clipdm/shared';
import { useRef, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { conversationName } from '../lib/names.ts';
import { discard, enqueue, retry } from '../lib/outbox.ts';
import { useConversation } from '../lib/use-conversation.ts';
import { useDraft } from '../lib/use-draft.ts';
import { useMarkRead } from '../lib/use-mark-read.ts';
import { pumpOutbox, useOutbox } from '../lib/use-outbox.ts';
import { Composer } from './Composer.tsx';
import { ErrorNote } from './ErrorNote.tsx';
import { MessageList } from './MessageList.tsx';
import { RequestActions } from './RequestActions.tsx';

/** One conversation: header, messages, the request bar when it is a request, and the composer. */
export function ConversationView({
  id,
  myId,
  onBack,
  onRemoved,
}: {
  id: string;
  myId: string;
  onBack: () => void;
  onRemoved: () => void;
}) {
  const chat = useConversation(id);
  const pending = useOutbox(id);
  const [draft, setDraft] = useDraft(id);
  const [muteBusy, setMuteBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useMarkRead(chat.conversation, chat.messages);

  const conversation = chat.conversation;
  const name = conversation ? conversationName(conversation, myId) : '';
  const isRequest = conversation?.status === 'request';

  async function send(text: string) {
    await enqueue(id, { text });
    await pumpOutbox();
  }

  async function toggleMute(c: Conversation) {
    setMuteBusy(true);
    try {
      await (c.muted ? api.unmute(c.id) : api.mute(c.id));
      chat.setConversation({ ...c, muted: !c.muted });
    } finally {
      setMuteBusy(false);
    }
  }

  return (
    <section class="conversation" aria-labelledby="conversation-heading">
      <header class="conversation-header">
        <button type="button" class="icon" onClick={onBack} aria-label={t('back')}>
          ←
        </button>
        <h2 id="conversation-heading" tabIndex={-1} ref={heading}>
          {name || t('loading')}
        </h2>
        {conversation && !isRequest && (
          <button
            type="button"
            class="small"
            aria-pressed={conversation.muted}
            disabled={muteBusy}
            onClick={() => void toggleMute(conversation)}
          >
            {conversation.muted ? t('unmute') : t('mute')}
          </button>
        )}
      </header>
      {conversation && isRequest && (
        <div class="request-banner">
          <p>{t('requestBanner', name)}</p>
          <RequestActions
            conversation={conversation}
            name={name}
            onDone={(result) =>
              result.action === 'accepted' ? chat.setConversation(result.conversation) : onRemoved()
            }
          />
        </div>
      )}
      <ErrorNote error={chat.error} />
      {conversation && (
        <MessageList
          conversation={conversation}
          messages={chat.messages}
          pending={pending}
          myId={myId}
          hasOlder={chat.hasOlder}
          hidePreviews={isRequest}
          onLoadOlder={() => void chat.loadOlder()}
          onReact={(m, emoji) => void chat.react(m, emoji)}
          onUnsend={(m) => void chat.unsend(m)}
          onHide={(m) => void chat.hide(m)}
          onRetry={(item) => void retry(item.clientId).then(pumpOutbox)}
          onDiscard={(item) => void discard(item.clientId)}
        />
      )}
      <Composer text={draft} onText={setDraft} onSend={(text) => void send(text)} disabled={!conversation} />
    </section>
  );
}
