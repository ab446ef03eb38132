import type { Conversation, Message } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';

/**
 * The last inbox, requests and conversation pages the worker sent, kept in `storage.local` so that
 * with the worker unreachable the panel still shows what it knew (marked as a saved copy) instead of
 * "No conversations yet". Signing out clears `storage.local` with the session.
 */
const MAX_CONVERSATIONS_SAVED = 20;
const MAX_MESSAGES_SAVED = 30;

interface SavedChat {
  conversation: Conversation;
  messages: Message[];
}

export const savedListsItem = storage.defineItem<Record<string, Conversation[]>>('local:savedLists', {
  fallback: {},
});
export const savedChatsItem = storage.defineItem<Record<string, SavedChat>>('local:savedChats', {
  fallback: {},
});

/** Saves a box's first conversations (after a successful load). */
export async function saveList(box: string, conversations: Conversation[]): Promise<void> {
  const lists = await savedListsItem.getValue();
  await savedListsItem.setValue({ ...lists, [box]: conversations.slice(0, MAX_CONVERSATIONS_SAVED) });
}

/** Saves a conversation and its newest messages (after a successful load), for the last few chats. */
export async function saveChat(conversation: Conversation, messages: Message[]): Promise<void> {
  const chats = await savedChatsItem.getValue();
  const kept = Object.entries(chats)
    .filter(([id]) => id !== conversation.id)
    .slice(-(MAX_CONVERSATIONS_SAVED - 1));
  await savedChatsItem.setValue({
    ...Object.fromEntries(kept),
    [conversation.id]: { conversation, messages: messages.slice(-MAX_MESSAGES_SAVED) },
  });
}

/** What was saved for `box`, read once. */
export function useSavedList(box: string): Conversation[] {
  const [saved, setSaved] = useState<Conversation[]>([]);
  useEffect(() => {
    void savedListsItem.getValue().then((lists) => setSaved(lists[box] ?? []));
  }, [box]);
  return saved;
}

/** What was saved for conversation `id`, read once. */
export function useSavedChat(id: string): SavedChat | null {
  const [saved, setSaved] = useState<SavedChat | null>(null);
  useEffect(() => {
    void savedChatsItem.getValue().then((chats) => setSaved(chats[id] ?? null));
  }, [id]);
  return saved;
}
