import type { Conversation } from '@clipdm/shared';
import { matchQuery, type QueryClient, useQueryClient } from '@tanstack/preact-query';
import { useEffect } from 'preact/hooks';
import type { Box } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { MessageWindow } from '../features/conversation/messages-query.ts';
import {
  addToList,
  boxOf,
  type ConversationPages,
  flattenPages,
} from '../features/inbox/conversation-list-query.ts';
import { addToSavedList, saveChat, saveList } from './offline-cache.ts';

const BOXES: Box[] = ['inbox', 'requests'];

/**
 * Keeps the saved copies (`offline-cache.ts`) in step with the query cache, which owns the data, rather
 * than with what happens to be on screen: a box is saved each time its pages change (a fetch or a live
 * patch); a conversation the worker answers for on its own is first added to its box (`addToList`), so
 * one started from New message or opened from the page is in the copy; a chat is saved each time its
 * conversation or messages change. Returns the unsubscribe.
 */
export function keepOfflineCopies(client: QueryClient): () => void {
  // The data last written per copy. The cache keeps the objects of an answer that did not change, so a
  // poll that found nothing new writes nothing.
  const written = new Map<string, unknown[]>();
  const changed = (copy: string, ...data: unknown[]) => {
    const before = written.get(copy);
    if (before?.every((d, i) => d === data[i])) return false;
    written.set(copy, data);
    return true;
  };

  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const { query } = event;
    const box = BOXES.find((b) =>
      matchQuery({ queryKey: queryKeys.conversationList(b), exact: true }, query),
    );
    if (box) {
      const pages = query.state.data as ConversationPages;
      if (changed(`list:${box}`, pages)) void saveList(box, flattenPages(pages));
      return;
    }
    if (!matchQuery({ queryKey: queryKeys.anyConversation }, query)) return;
    const id = String(query.queryKey[1]);
    const conversation = client.getQueryData<Conversation>(queryKeys.conversation(id));
    if (!conversation) return;
    // Only the worker's answer says the viewer is in it now (a patch may describe one just left).
    const fetched = !event.action.manual && query.queryKey.length === 2;
    if (fetched && !addToList(client, conversation)) void addToSavedList(boxOf(conversation), conversation);
    const window = client.getQueryData<MessageWindow>(queryKeys.messages(id));
    if (window && changed(`chat:${id}`, conversation, window)) void saveChat(conversation, window.messages);
  });
}

/** Keeps the saved copies in step with this panel's query cache while mounted. */
export function useOfflineCopies(): void {
  const client = useQueryClient();
  useEffect(() => keepOfflineCopies(client), [client]);
}
