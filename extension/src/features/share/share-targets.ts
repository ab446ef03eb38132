import type { Conversation, User } from '@clipdm/shared';
import { api } from '../../api/client.ts';
import { enqueue } from '../../outbox/outbox.ts';
import { pumpOutbox } from '../../outbox/use-outbox.ts';

/** Someone a video can go to: an existing conversation, or a person found by search. */
export type ShareTarget = { kind: 'conversation'; conversation: Conversation } | { kind: 'user'; user: User };

export function targetKey(target: ShareTarget): string {
  return target.kind === 'conversation' ? `c:${target.conversation.id}` : `u:${target.user.handle}`;
}

/**
 * Sends the video, then the note if there is one, to every target (a person gets their direct
 * conversation, opened or created). Both go through the outbox, so they survive a closed panel or an
 * offline moment. Returns the conversation ids, in the order chosen.
 */
export async function shareVideo(targets: ShareTarget[], url: string, note: string): Promise<string[]> {
  const ids: string[] = [];
  for (const target of targets) {
    const id =
      target.kind === 'conversation'
        ? target.conversation.id
        : (await api.createConversation({ members: [target.user.handle] })).id;
    await enqueue(id, { videoUrl: url });
    if (note.trim()) await enqueue(id, { text: note.trim() });
    ids.push(id);
  }
  void pumpOutbox();
  return ids;
}
