import type { Conversation, Message } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { withLock } from './web-locks.ts';

/**
 * The last inbox, requests and conversation pages the worker sent, kept in `storage.local` so that
 * with the worker unreachable the panel still shows what it knew (marked as a saved copy) instead of
 * "No conversations yet". Written from the query cache (`keep-offline-copies.ts`), whatever is on
 * screen. Signing out clears `storage.local` with the session.
 */
const MAX_CONVERSATIONS_SAVED = 20;
const MAX_MESSAGES_SAVED = 30;

export interface SavedChat {
  conversation: Conversation;
  messages: Message[];
}

export const savedListsItem = storage.defineItem<Record<string, Conversation[]>>('local:savedLists', {
  fallback: {},
});
export const savedChatsItem = storage.defineItem<Record<string, SavedChat>>('local:savedChats', {
  fallback: {},
});

/** Each save reads, changes and writes one record: one at a time, or two boxes saved at once lose one. */
function oneAtATime(task: () => Promise<void>): Promise<void> {
  return withLock('clipdm-offline-cache', task);
}

/** Saves a box's first conversations (after a successful load). */
export function saveList(box: string, conversations: Conversation[]): Promise<void> {
  return oneAtATime(async () => {
    const lists = await savedListsItem.getValue();
    await savedListsItem.setValue({ ...lists, [box]: conversations.slice(0, MAX_CONVERSATIONS_SAVED) });
  });
}

/** Puts a conversation at the top of a box's saved copy unless it is there already. */
export function addToSavedList(box: string, conversation: Conversation): Promise<void> {
  return oneAtATime(async () => {
    const lists = await savedListsItem.getValue();
    const saved = lists[box] ?? [];
    if (saved.some((c) => c.id === conversation.id)) return;
    await savedListsItem.setValue({
      ...lists,
      [box]: [conversation, ...saved].slice(0, MAX_CONVERSATIONS_SAVED),
    });
  });
}

/** Saves a conversation and its newest messages (after a successful load), for the last few chats. */
export function saveChat(conversation: Conversation, messages: Message[]): Promise<void> {
  return oneAtATime(async () => {
    const chats = await savedChatsItem.getValue();
    const kept = Object.entries(chats)
      .filter(([id]) => id !== conversation.id)
      .slice(-(MAX_CONVERSATIONS_SAVED - 1));
    await savedChatsItem.setValue({
      ...Object.fromEntries(kept),
      [conversation.id]: { conversation, messages: messages.slice(-MAX_MESSAGES_SAVED) },
    });
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

/**
 * What was saved for conversation `id`, read once. A chat never loaded (one a video was shared to) but
 * saved in a box stands in with no messages, so what waits in the outbox for it can still be shown.
 */
export function useSavedChat(id: string): SavedChat | null {
  const [saved, setSaved] = useState<SavedChat | null>(null);
  useEffect(() => {
    void Promise.all([savedChatsItem.getValue(), savedListsItem.getValue()]).then(([chats, lists]) => {
      const inABox = Object.values(lists)
        .flat()
        .find((c) => c.id === id);
      setSaved(chats[id] ?? (inABox ? { conversation: inABox, messages: [] } : null));
    });
  }, [id]);
  return saved;
}
