import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { conversationName, memberLine } from '../../ui/display-names.ts';

/**
 * The bar above a conversation: back, its name, who is in it (the other person's handle, or the group's
 * members), the group-info toggle and mute.
 */
export function ConversationHeader({
  conversation,
  myId,
  infoOpen,
  onBack,
  onToggleInfo,
  onChange,
  onError,
}: {
  conversation: Conversation | null;
  myId: string;
  infoOpen: boolean;
  onBack: () => void;
  onToggleInfo: () => void;
  onChange: (conversation: Conversation) => void;
  onError: (error: ApiFailure) => void;
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
          {conversation ? conversationName(conversation, myId) : t('loading')}
        </h2>
        {conversation && <p class="subtitle">{memberLine(conversation, myId, t('you'))}</p>}
      </div>
      {conversation?.kind === 'group' && accepted && (
        <button type="button" class="small" aria-expanded={infoOpen} onClick={onToggleInfo}>
          {t('groupInfo')}
        </button>
      )}
      {conversation && accepted && (
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
  );
}
