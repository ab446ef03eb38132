import type { Conversation, Message } from '@clipdm/shared';
import { type InfiniteData, infiniteQueryOptions, type QueryClient } from '@tanstack/preact-query';
import { api, type Box, type Page } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { takeEarlyInbox } from './early-inbox.ts';

/** A box of conversations as the cache holds it: the pages loaded so far, with their cursors. */
export type ConversationPages = InfiniteData<Page<Conversation>>;

/** One box (inbox or requests), newest activity first, a page per cursor. */
export function conversationListQuery(box: Box) {
  return infiniteQueryOptions({
    queryKey: queryKeys.conversationList(box),
    queryFn: ({ pageParam }) => {
      const early = box === 'inbox' && pageParam === undefined ? takeEarlyInbox() : undefined;
      return early?.catch(() => api.listConversations(box)) ?? api.listConversations(box, pageParam);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
  });
}

/** The conversations of the loaded pages, once each (a conversation can move between pages). */
export function flattenPages(data: ConversationPages | undefined): Conversation[] {
  const seen = new Set<string>();
  const all: Conversation[] = [];
  for (const page of data?.pages ?? []) {
    for (const conversation of page.items) {
      if (seen.has(conversation.id)) continue;
      seen.add(conversation.id);
      all.push(conversation);
    }
  }
  return all;
}

function mapLists(client: QueryClient, change: (items: Conversation[]) => Conversation[]): void {
  client.setQueriesData<ConversationPages>({ queryKey: queryKeys.conversationLists }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) } : data,
  );
}

/** Takes a conversation out of both boxes (accepted, declined, reported, left). */
export function removeFromLists(client: QueryClient, conversationId: string): void {
  mapLists(client, (items) => items.filter((c) => c.id !== conversationId));
}

/** Puts a newer copy of a conversation where the boxes already show it. */
export function replaceInLists(client: QueryClient, conversation: Conversation): void {
  mapLists(client, (items) => items.map((c) => (c.id === conversation.id ? conversation : c)));
}

/**
 * Shows a message that just arrived or went out as its conversation's last one, the row moved to the top
 * (newest activity first), ahead of the refetch that only a box on screen gets: an off-screen box, and
 * its saved copy, would otherwise keep the old preview.
 */
export function showLastMessage(client: QueryClient, message: Message): void {
  client.setQueriesData<ConversationPages>({ queryKey: queryKeys.conversationLists }, (data) => {
    const row = flattenPages(data).find((c) => c.id === message.conversationId);
    const [first, ...rest] = data?.pages ?? [];
    if (!data || !first || !row || (row.lastMessage?.seq ?? 0) >= message.seq) return data;
    const without = (page: Page<Conversation>) => ({
      ...page,
      items: page.items.filter((c) => c.id !== row.id),
    });
    const moved = { ...row, lastMessage: message, lastActivityAt: message.createdAt };
    const top = without(first);
    return { ...data, pages: [{ ...top, items: [moved, ...top.items] }, ...rest.map(without)] };
  });
}

/** The box a conversation belongs in. */
export function boxOf(conversation: Conversation): Box {
  return conversation.status === 'request' ? 'requests' : 'inbox';
}

/**
 * Puts a conversation the worker just answered for on its own (started from New message, opened from
 * the page or a notification) at the top of its box when the box does not show it: a box off screen is
 * not refetched, and without this neither it nor its saved copy would have it. A row already there is
 * left alone (`replaceInLists` is for newer copies). False when the box is not held at all.
 */
export function addToList(client: QueryClient, conversation: Conversation): boolean {
  const key = queryKeys.conversationList(boxOf(conversation));
  const data = client.getQueryData<ConversationPages>(key);
  const [first, ...rest] = data?.pages ?? [];
  if (!data || !first) return false;
  if (!data.pages.some((page) => page.items.some((c) => c.id === conversation.id))) {
    client.setQueryData<ConversationPages>(key, {
      ...data,
      pages: [{ ...first, items: [conversation, ...first.items] }, ...rest],
    });
  }
  return true;
}
