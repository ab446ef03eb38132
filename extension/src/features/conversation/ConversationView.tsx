import { useCallback, useState } from 'preact/hooks';
import type { ApiFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { discard, enqueue, retry } from '../../outbox/outbox.ts';
import { pumpOutbox, useOutbox } from '../../outbox/use-outbox.ts';
import { conversationName } from '../../ui/display-names.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { useEscape } from '../../ui/use-escape.ts';
import { GroupDetails } from '../groups/GroupDetails.tsx';
import { RequestActions } from '../requests/RequestActions.tsx';
import { Composer } from './Composer.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { MessageList } from './MessageList.tsx';
import { useConversation } from './use-conversation.ts';
import { useDraft } from './use-draft.ts';
import { useMarkRead } from './use-mark-read.ts';

/** One conversation: header, messages (or the group's details), the request bar when it is one, the composer. */
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
  const [infoOpen, setInfoOpen] = useState(false);
  const [actionError, setActionError] = useState<ApiFailure | null>(null);
  useMarkRead(chat.conversation, chat.messages);
  // Escape closes the group's details before it leaves the conversation.
  useEscape(
    infoOpen,
    useCallback(() => setInfoOpen(false), []),
    true,
  );

  const conversation = chat.conversation;
  const name = conversation ? conversationName(conversation, myId) : '';
  const isRequest = conversation?.status === 'request';
  const showInfo = infoOpen && conversation?.kind === 'group';

  async function send(text: string) {
    await enqueue(id, { text });
    await pumpOutbox();
  }

  return (
    <section class="conversation" aria-labelledby="conversation-heading">
      <ConversationHeader
        conversation={conversation}
        myId={myId}
        infoOpen={showInfo}
        onBack={onBack}
        onToggleInfo={() => setInfoOpen((open) => !open)}
        onChange={chat.setConversation}
        onError={setActionError}
      />
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
      <ErrorNote error={actionError ?? chat.error} />
      {conversation && showInfo ? (
        <GroupDetails
          conversation={conversation}
          myId={myId}
          onChange={chat.setConversation}
          onLeft={onBack}
        />
      ) : (
        <>
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
          <Composer
            text={draft}
            onText={setDraft}
            onSend={(text) => void send(text)}
            disabled={!conversation}
          />
        </>
      )}
    </section>
  );
}
