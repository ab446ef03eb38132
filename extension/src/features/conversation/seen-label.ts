import type { Conversation, Message } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';

/**
 * The read status to show under the viewer's newest message: "Seen" in a direct chat, "Seen by N"
 * in a group, or null when nobody has (or the API does not say: `lastReadSeq` is null then).
 */
export function seenLabel(
  conversation: Conversation,
  messages: Message[],
  myId: string,
): { seq: number; label: string } | null {
  const mine = messages.filter((m) => m.sender.id === myId && m.kind !== 'event' && !m.unsentAt).at(-1);
  if (!mine) return null;
  const readers = conversation.members.filter(
    (m) => m.id !== myId && m.lastReadSeq !== null && m.lastReadSeq >= mine.seq,
  ).length;
  if (readers === 0) return null;
  return { seq: mine.seq, label: conversation.kind === 'direct' ? t('seen') : t('seenBy', String(readers)) };
}
