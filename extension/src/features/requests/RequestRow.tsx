import type { Conversation } from '@clipdm/shared';
import { type MessageKey, t } from '../../browser/i18n.ts';
import { conversationName, otherMembers } from '../../ui/display-names.ts';
import { ConversationRow } from '../inbox/ConversationRow.tsx';
import { RequestActions } from './RequestActions.tsx';
import type { Acquaintance } from './use-acquaintance.ts';

const ACQUAINTANCE_KEYS: Record<Acquaintance, MessageKey> = {
  follows_you: 'followsYou',
  suggested: 'suggestedFriend',
  none: 'noConnection',
};

/** A message request: who sent it and how you know them, with its avatar hidden, and the triage buttons. */
export function RequestRow({
  conversation,
  myId,
  acquaintance,
  onOpen,
  onAccepted,
  onRemoved,
}: {
  conversation: Conversation;
  myId: string;
  acquaintance: Acquaintance | undefined;
  onOpen: (conversation: Conversation) => void;
  onAccepted: (conversation: Conversation) => void;
  onRemoved: (id: string) => void;
}) {
  const name = conversationName(conversation, myId);
  // Anyone can type a famous handle at sign-up; only the site's own sign-in proves it.
  const unverified = conversation.kind === 'direct' && !otherMembers(conversation, myId)[0]?.verified;
  return (
    <article class="request" aria-label={name}>
      <ConversationRow conversation={conversation} myId={myId} hideAvatar showHandle onOpen={onOpen} />
      <p class="acquaintance">{acquaintance ? t(ACQUAINTANCE_KEYS[acquaintance]) : '\u00a0'}</p>
      {unverified && <p class="unverified-note">{t('requestUnverified', t('siteName'))}</p>}
      <RequestActions
        conversation={conversation}
        name={name}
        onDone={(result) =>
          result.action === 'accepted' ? onAccepted(result.conversation) : onRemoved(conversation.id)
        }
      />
    </article>
  );
}
