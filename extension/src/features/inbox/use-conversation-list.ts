import type { Conversation } from '@clipdm/shared';
import { useInfiniteQuery, useQueryClient } from '@tanstack/preact-query';
import type { Box } from '../../api/client.ts';
import { type ApiFailure, failureOf } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { conversationListQuery, flattenPages, removeFromLists } from './conversation-list-query.ts';

export interface ConversationList {
  conversations: Conversation[];
  loading: boolean;
  error: ApiFailure | null;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  remove: (id: string) => void;
}

/** One box of conversations from the query cache, paged on demand; live events keep it fresh. */
export function useConversationList(box: Box): ConversationList {
  const client = useQueryClient();
  const query = useInfiniteQuery(conversationListQuery(box));
  return {
    conversations: flattenPages(query.data),
    loading: query.isPending,
    error: failureOf(query.error),
    hasMore: query.hasNextPage,
    loadMore: async () => {
      if (query.isFetchingNextPage) return;
      await query.fetchNextPage();
    },
    reload: () => client.invalidateQueries({ queryKey: queryKeys.conversationList(box) }),
    remove: (id) => removeFromLists(client, id),
  };
}
