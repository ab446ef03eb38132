import type { Message } from '@clipdm/shared';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { useSavedChat } from '../../browser/offline-cache.ts';
import { discard, enqueue, retry } from '../../outbox/outbox.ts';
import { pumpOutbox, useOutbox } from '../../outbox/use-outbox.ts';
import { conversationName, otherMembers } from '../../ui/display-names.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { showToast } from '../../ui/toast.ts';
import { removeWithUndo } from '../../ui/undoable.ts';
import { useEscape } from '../../ui/use-escape.ts';
import { GroupDetails } from '../groups/GroupDetails.tsx';
import { ReportDialog } from '../requests/ReportDialog.tsx';
import { RequestActions } from '../requests/RequestActions.tsx';
import { Composer } from './Composer.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { MessageList } from './MessageList.tsx';
import { useConversation } from './use-conversation.ts';
import { useDraft } from './use-draft.ts';
import { useMarkRead } from './use-mark-read.ts';
import { useRecipient } from './use-recipient.ts';
import { useTypingPeople, useTypingSignal } from './use-typing.ts';
import { videoFromText } from './video-hosts.ts';

type Props = {
  id: string;
  myId: string;
  onBack: () => void;
  onRemoved: () => void;
};

/** One conversation; Retry after a failed load starts it afresh. */
export function ConversationView(props: Props) {
  const [attempt, setAttempt] = useState(0);
  return <ConversationBody key={attempt} {...props} onRetry={() => setAttempt((n) => n + 1)} />;
}

/** One conversation: header, messages (or the group's details), the request bar when it is one, the composer. */
function ConversationBody({ id, myId, onBack, onRemoved, onRetry }: Props & { onRetry: () => void }) {
  const chat = useConversation(id);
  const saved = useSavedChat(id);
  // With the worker unreachable, the saved copy of this chat stands in (marked as such).
  const offline = chat.conversation === null && chat.error !== null && saved !== null;
  const messages = offline ? saved.messages : chat.messages;
  const pending = useOutbox(id);
  const [draft, setDraft] = useDraft(id);
  const [infoOpen, setInfoOpen] = useState(false);
  const [actionError, setActionError] = useState<ApiFailure | null>(null);
  const [reporting, setReporting] = useState(false);
  const [replyingTo, setReplyingTo] = useState<Message | null>(null);
  useMarkRead(chat.conversation, chat.messages);
  // Escape closes the group's details before it leaves the conversation.
  useEscape(
    infoOpen,
    useCallback(() => setInfoOpen(false), []),
    true,
  );

  const conversation = chat.conversation ?? (offline ? saved.conversation : null);
  const name = conversation ? conversationName(conversation, myId) : '';
  const isRequest = conversation?.status === 'request';
  const showInfo = infoOpen && conversation?.kind === 'group';

  const recipient = useRecipient(conversation, myId);
  const signalTyping = useTypingSignal(id, conversation?.status === 'accepted');
  const typingIds = useTypingPeople(id);
  const typingNames = (conversation?.members ?? [])
    .filter((m) => m.id !== myId && typingIds.includes(m.id))
    .map((m) => m.displayName);
  const other = conversation ? otherMembers(conversation, myId)[0] : undefined;
  const theyWrote = other ? messages.some((m) => m.sender.id === other.id) : false;
  // Refusals come before typing: a recipient whose setting excludes the viewer disables the box.
  const blocked = recipient && !recipient.canMessage ? t('cannotMessageWhy', name) : null;
  const hint = isRequest
    ? t('replyAccepts')
    : recipient && !recipient.isFriend && !theyWrote
      ? t('goesAsRequest', name)
      : null;

  // Once they reply (or accept), messages refused by the request limit go again instead of staying failed.
  useEffect(() => {
    if (!theyWrote) return;
    const stuck = pending.filter((item) => item.status === 'failed' && item.errorCode === 'request_limit');
    if (stuck.length) void Promise.all(stuck.map((item) => retry(item.clientId))).then(pumpOutbox);
  }, [theyWrote, pending.length]);

  async function send(text: string) {
    // A link to a video sent on its own goes as the video, so it gets its card (title, poster).
    const video = videoFromText(text);
    const replyTo = replyingTo ? { replyTo: replyingTo.id } : {};
    setReplyingTo(null);
    await enqueue(id, video ? { videoUrl: video.url, ...replyTo } : { text, ...replyTo });
    // Replying to a request accepts it (the API does): the banner goes at once.
    if (conversation && isRequest) chat.setConversation({ ...conversation, status: 'accepted' });
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
        onBlock={() => {
          if (!other) return;
          void api
            .block(other.handle)
            .then(() =>
              showToast({
                text: t('blockedName', name),
                action: { label: t('undo'), run: () => void api.unblock(other.handle) },
              }),
            )
            .catch((e) => setActionError(asFailure(e)));
        }}
        onReport={() => setReporting(true)}
        onDelete={() => {
          removeWithUndo(id, t('conversationDeleted'), t('undo'), () =>
            isRequest ? api.decline(id) : api.leave(id),
          );
          onBack();
        }}
      />
      {reporting && conversation && (
        <ReportDialog
          name={name}
          canBlock={conversation.kind === 'direct'}
          onCancel={() => setReporting(false)}
          onSubmit={(report) => {
            setReporting(false);
            removeWithUndo(id, t('reportSent'), t('undo'), () => api.report(id, report));
            onBack();
          }}
        />
      )}
      {conversation && isRequest && (
        <div class="request-banner">
          <p>
            <strong>
              <bdi>{name}</bdi>
            </strong>{' '}
            {conversation.kind === 'direct' && <span class="quiet">@{other?.handle} </span>}
            {t('requestBannerBody')}
          </p>
          <RequestActions
            primary
            conversation={conversation}
            name={name}
            onDone={(result) =>
              result.action === 'accepted' ? chat.setConversation(result.conversation) : onRemoved()
            }
          />
        </div>
      )}
      {offline ? (
        <div class="offline-note">
          <ErrorNote error={chat.error} text={t('savedCopy')} onRetry={onRetry} />
        </div>
      ) : (
        <ErrorNote error={actionError ?? chat.error} onRetry={chat.conversation ? undefined : onRetry} />
      )}
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
              messages={messages}
              pending={pending}
              myId={myId}
              hasOlder={chat.hasOlder}
              hidePreviews={isRequest}
              onLoadOlder={() => void chat.loadOlder()}
              onReact={(m, emoji) => void chat.react(m, emoji)}
              onReply={blocked ? undefined : setReplyingTo}
              onUnsend={(m) => void chat.unsend(m)}
              onHide={(m) => void chat.hide(m)}
              onRetry={(item) => void retry(item.clientId).then(pumpOutbox)}
              onDiscard={(item) => void discard(item.clientId)}
            />
          )}
          <p class="typing-line" role="status">
            {typingNames.length > 0 && (
              <>
                <bdi>{typingNames.join(', ')}</bdi> {t('isTyping')}
              </>
            )}
          </p>
          <Composer
            text={draft}
            onText={(text) => {
              setDraft(text);
              signalTyping(text);
            }}
            onSend={(text) => void send(text)}
            disabled={!conversation}
            blocked={blocked}
            hint={hint}
            replyingTo={
              replyingTo && {
                name: replyingTo.sender.displayName,
                excerpt: replyingTo.kind === 'video' ? t('previewVideo') : (replyingTo.text ?? ''),
              }
            }
            onCancelReply={() => setReplyingTo(null)}
          />
        </>
      )}
    </section>
  );
}
