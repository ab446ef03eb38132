import type { Message } from '@clipdm/shared';
import { type QueryClient, queryOptions } from '@tanstack/preact-query';
import { api } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { mergeMessages } from './message-updates.ts';

/** Messages per page when opening a conversation or scrolling back. */
export const MESSAGE_PAGE = 30;
/** How many newer messages one catch-up asks for. */
const CATCH_UP_LIMIT = 100;

/** The messages of one conversation the panel holds: a contiguous run up to the newest, by `seq`. */
export interface MessageWindow {
  messages: Message[];
  hasOlder: boolean;
}

/** The newest `seq` held for a conversation, 0 when nothing is held. */
export function lastSeqOf(window: MessageWindow | undefined): number {
  return window?.messages.at(-1)?.seq ?? 0;
}

/**
 * The messages query of a conversation. The first fetch loads the newest page; every refetch after it
 * (a live gap, a reconnect, a poll tick) only asks for what came after the newest message held and
 * merges it in, so older pages already loaded stay. A hand-written fetch rather than an infinite query:
 * an infinite query refetches every loaded page, and pages by `seq` would shift as messages arrive.
 */
export function messagesQuery(client: QueryClient, conversationId: string) {
  const key = queryKeys.messages(conversationId);
  return queryOptions({
    queryKey: key,
    queryFn: async (): Promise<MessageWindow> => {
      const held = client.getQueryData<MessageWindow>(key);
      if (!held || held.messages.length === 0) {
        const page = await api.listMessages(conversationId, { limit: MESSAGE_PAGE });
        return { messages: mergeMessages([], page.messages), hasOlder: page.hasMore };
      }
      const page = await api.listMessages(conversationId, { after: lastSeqOf(held), limit: CATCH_UP_LIMIT });
      // Merge into what the cache holds now: a live event may have added a message while this ran.
      const now = client.getQueryData<MessageWindow>(key) ?? held;
      return { ...now, messages: mergeMessages(now.messages, page.messages) };
    },
  });
}

/** Fetches the page before the oldest message held and adds it to the cache. */
export async function loadOlderMessages(client: QueryClient, conversationId: string): Promise<void> {
  const key = queryKeys.messages(conversationId);
  const first = client.getQueryData<MessageWindow>(key)?.messages[0];
  if (!first) return;
  const page = await api.listMessages(conversationId, { before: first.seq, limit: MESSAGE_PAGE });
  client.setQueryData<MessageWindow>(key, (now) =>
    now ? { messages: mergeMessages(now.messages, page.messages), hasOlder: page.hasMore } : now,
  );
}

/** Applies `change` to the messages held for a conversation, if any are held. */
export function updateMessages(
  client: QueryClient,
  conversationId: string,
  change: (messages: Message[]) => Message[],
): void {
  client.setQueryData<MessageWindow>(queryKeys.messages(conversationId), (now) =>
    now ? { ...now, messages: change(now.messages) } : now,
  );
}
