import type { Conversation } from '@clipdm/shared';
import { storage } from 'wxt/utils/storage';

/** Pinned conversations live on this browser only (the API has no pins): ids, most recently pinned first. */
export const pinnedItem = storage.defineItem<string[]>('local:pinned', { fallback: [] });

export async function togglePin(id: string): Promise<void> {
  const pins = await pinnedItem.getValue();
  await pinnedItem.setValue(pins.includes(id) ? pins.filter((p) => p !== id) : [id, ...pins]);
}

/** Pinned conversations first, in pin order; the rest keep their (newest first) order. */
export function pinnedFirst(conversations: Conversation[], pins: readonly string[]): Conversation[] {
  const byId = new Map(conversations.map((c) => [c.id, c]));
  const pinned = pins.flatMap((id) => byId.get(id) ?? []);
  return [...pinned, ...conversations.filter((c) => !pins.includes(c.id))];
}

/** Conversations whose name or a member's name or @handle contains `query` (case and accents ignored). */
export function matching(conversations: Conversation[], query: string, name: (c: Conversation) => string) {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .toLocaleLowerCase();
  const wanted = fold(query.trim().replace(/^@/, ''));
  if (!wanted) return conversations;
  return conversations.filter((c) =>
    [name(c), ...c.members.flatMap((m) => [m.displayName, m.handle])].some((text) =>
      fold(text).includes(wanted),
    ),
  );
}
