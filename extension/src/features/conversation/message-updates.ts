import type { Message, Reaction } from '@clipdm/shared';

/** Messages by ascending `seq`, newer copies of the same message replacing older ones. */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The tombstone an unsent message becomes. */
export function markUnsent(messages: Message[], messageId: string): Message[] {
  return messages.map((m) =>
    m.id === messageId
      ? { ...m, text: null, video: null, reactions: [], unsentAt: new Date().toISOString() }
      : m,
  );
}

export function setReactions(messages: Message[], messageId: string, reactions: Reaction[]): Message[] {
  return messages.map((m) => (m.id === messageId ? { ...m, reactions } : m));
}

/** Reactions after the viewer picks `emoji` (one reaction per person: picking it again removes it). */
export function toggleMine(reactions: Reaction[], emoji: string): Reaction[] {
  const previous = reactions.find((r) => r.mine);
  let next = reactions
    .map((r) => (r.mine ? { ...r, count: r.count - 1, mine: false } : r))
    .filter((r) => r.count > 0);
  if (previous?.emoji !== emoji) {
    const existing = next.find((r) => r.emoji === emoji);
    next = existing
      ? next.map((r) => (r.emoji === emoji ? { ...r, count: r.count + 1, mine: true } : r))
      : [...next, { emoji, count: 1, mine: true }];
  }
  return next;
}
