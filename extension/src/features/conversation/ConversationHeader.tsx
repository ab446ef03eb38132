import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { conversationName, memberLine, otherMembers } from '../../ui/display-names.ts';
import { MenuButton } from '../../ui/MenuButton.tsx';
import { VerifiedMark } from '../../ui/VerifiedMark.tsx';

/**
 * The bar above a conversation: back, its name, who is in it (the other person's handle, or the group's
 * members), and its menu (group info, mute, block, report, delete).
 */
export function ConversationHeader({
  conversation,
  myId,
  infoOpen,
  onBack,
  onToggleInfo,
  onChange,
  onError,
  onBlock,
  onReport,
  onDelete,
}: {
  conversation: Conversation | null;
  myId: string;
  infoOpen: boolean;
  onBack: () => void;
  onToggleInfo: () => void;
  onChange: (conversation: Conversation) => void;
  onError: (error: ApiFailure) => void;
  onBlock: () => void;
  onReport: () => void;
  onDelete: () => void;
}) {
  const [muteBusy, setMuteBusy] = useState(false);
  const accepted = conversation?.status === 'accepted';

  async function toggleMute(c: Conversation) {
    setMuteBusy(true);
    try {
      await (c.muted ? api.unmute(c.id) : api.mute(c.id));
      onChange({ ...c, muted: !c.muted });
    } catch (e) {
      onError(asFailure(e));
    } finally {
      setMuteBusy(false);
    }
  }

  return (
    <header class="conversation-header">
      <button type="button" class="icon" onClick={onBack} aria-label={t('back')}>
        ←
      </button>
      <div class="conversation-title">
        <h2 id="conversation-heading" tabIndex={-1}>
          {conversation ? (
            <bdi>{conversationName(conversation, myId)}</bdi>
          ) : (
            <span class="visually-hidden">{t('loading')}</span>
          )}
          {conversation?.kind === 'direct' && (
            <VerifiedMark verified={otherMembers(conversation, myId)[0]?.verified ?? false} />
          )}
        </h2>
        {conversation && <p class="subtitle">{memberLine(conversation, myId, t('you'))}</p>}
      </div>
      {conversation && (
        <MenuButton
          label={t('conversationMenu')}
          testId="chat-menu"
          items={[
            ...(conversation.kind === 'group' && accepted
              ? [{ label: t('groupInfo'), pressed: infoOpen, run: onToggleInfo }]
              : []),
            ...(accepted && !muteBusy
              ? [
                  {
                    label: conversation.muted ? t('unmute') : t('mute'),
                    run: () => void toggleMute(conversation),
                  },
                ]
              : []),
            ...(conversation.kind === 'direct' ? [{ label: t('block'), run: onBlock, danger: true }] : []),
            { label: t('report'), run: onReport, danger: true },
            { label: t('deleteConversation'), run: onDelete, danger: true },
          ]}
        />
      )}
    </header>
  );
}
