import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { plural } from '../../browser/plural.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { conversationName, otherMembers } from '../../ui/display-names.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { GroupAvatar } from '../../ui/GroupAvatar.tsx';
import { showToast } from '../../ui/toast.ts';
import { useEscape } from '../../ui/use-escape.ts';
import { VerifiedMark } from '../../ui/VerifiedMark.tsx';
import { VideoCard } from '../conversation/VideoCard.tsx';
import { videoFromText } from '../conversation/video-hosts.ts';
import { useConversationList } from '../inbox/use-conversation-list.ts';
import { UserSearchField } from '../people/UserSearchField.tsx';
import { useUserSearch } from '../people/use-user-search.ts';
import { type ShareTarget, shareVideo, targetKey } from './share-targets.ts';

/**
 * "Send this video to…": the video as its card, recent chats as a grid of faces and people found by
 * search, any number of them chosen, an optional note, then one Send. Nothing goes until Send.
 */
export function ShareSheet({
  url,
  myId,
  onSent,
  onCancel,
}: {
  url: string;
  myId: string;
  onSent: (conversationId: string | null) => void;
  onCancel: () => void;
}) {
  const inbox = useConversationList('inbox');
  const recent: Conversation[] = inbox.conversations.slice(0, 8);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ShareTarget[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const search = useUserSearch(query);
  useEscape(true, onCancel, true);

  const isChosen = (target: ShareTarget) => chosen.some((c) => targetKey(c) === targetKey(target));
  const toggle = (target: ShareTarget) =>
    setChosen((old) =>
      isChosen(target) ? old.filter((c) => targetKey(c) !== targetKey(target)) : [...old, target],
    );
  const targetName = (target: ShareTarget) =>
    target.kind === 'conversation' ? conversationName(target.conversation, myId) : target.user.displayName;

  async function send() {
    setBusy(true);
    try {
      const ids = await shareVideo(chosen, url, note);
      if (ids.length > 1) showToast({ text: plural('sentToCount', ids.length) });
      onSent(ids.length === 1 ? (ids[0] ?? null) : null);
    } catch (e) {
      setError(asFailure(e));
      setBusy(false);
    }
  }

  const video = videoFromText(url);
  return (
    <section class="list-view share" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('shareTitle')}</h2>
      {video ? <div class="share-video">{<VideoCard video={video} />}</div> : <p class="share-url">{url}</p>}
      <ErrorNote error={error ?? inbox.error ?? search.error} onRetry={() => void inbox.reload()} />
      <UserSearchField value={query} onInput={setQuery} />
      {query.trim() ? (
        <ul class="rows" aria-live="polite" aria-busy={search.searching}>
          {search.users.map((user) => {
            const target: ShareTarget = { kind: 'user', user };
            return (
              <li key={user.id}>
                <button
                  type="button"
                  class="share-person"
                  aria-pressed={isChosen(target)}
                  disabled={!user.canMessage}
                  onClick={() => toggle(target)}
                >
                  <Avatar name={user.displayName} url={user.avatarUrl} />
                  <span class="person-text">
                    <bdi class="person-name">{user.displayName}</bdi>
                    <VerifiedMark verified={user.verified} />
                    <span class="quiet">
                      @{user.handle}
                      {!user.canMessage && ` · ${t('cannotMessageUser')}`}
                    </span>
                  </span>
                  <span class="check" aria-hidden="true" />
                </button>
              </li>
            );
          })}
          {!search.searching && search.users.length === 0 && <li class="empty">{t('noPeopleFound')}</li>}
        </ul>
      ) : (
        <ul class="share-grid" aria-label={t('recentChats')}>
          {recent.map((conversation) => {
            const target: ShareTarget = { kind: 'conversation', conversation };
            const name = conversationName(conversation, myId);
            const other = otherMembers(conversation, myId)[0];
            return (
              <li key={conversation.id}>
                <button
                  type="button"
                  class="share-face"
                  aria-pressed={isChosen(target)}
                  onClick={() => toggle(target)}
                >
                  {conversation.kind === 'group' ? (
                    <GroupAvatar members={otherMembers(conversation, myId)} />
                  ) : (
                    <Avatar name={name} url={other?.avatarUrl ?? null} />
                  )}
                  <bdi class="share-face-name">{name}</bdi>
                  {conversation.kind === 'direct' && <VerifiedMark verified={other?.verified ?? false} />}
                  <span class="check" aria-hidden="true" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="share-footer">
        {chosen.length > 0 && (
          <p class="share-chosen">
            {t('sendingTo')} <bdi>{chosen.map(targetName).join(', ')}</bdi>
          </p>
        )}
        <label for="share-note" class="visually-hidden">
          {t('addNote')}
        </label>
        <input
          id="share-note"
          maxLength={2000}
          placeholder={t('addNote')}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <div class="actions">
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button
            type="button"
            class="primary share-send"
            disabled={chosen.length === 0 || busy}
            onClick={() => void send()}
          >
            {chosen.length > 1 ? plural('sendToCount', chosen.length) : t('send')}
          </button>
        </div>
      </div>
    </section>
  );
}
