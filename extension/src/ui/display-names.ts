import type { Conversation, Member } from '@clipdm/shared';

/** The members other than the viewer. */
export function otherMembers(conversation: Conversation, myId: string): Member[] {
  return conversation.members.filter((m) => m.id !== myId);
}

/** A group's title, or the other person's name, or the member names joined. */
export function conversationName(conversation: Conversation, myId: string): string {
  if (conversation.title) return conversation.title;
  const others = otherMembers(conversation, myId);
  if (others.length === 0) return conversation.members[0]?.displayName ?? '';
  return others.map((m) => m.displayName).join(', ');
}

/** Up to two initials of a display name, for the avatar fallback. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return letters
    .map((p) => (p ? Array.from(p)[0] : ''))
    .join('')
    .toUpperCase();
}

/** Who is in a conversation, for the line under its name: "@bob", or "Bob, Carol, You" in a group. */
export function memberLine(conversation: Conversation, myId: string, you: string): string {
  const others = otherMembers(conversation, myId);
  if (conversation.kind === 'direct') return others[0] ? `@${others[0].handle}` : '';
  return [...others.map((m) => m.displayName), you].join(', ');
}
