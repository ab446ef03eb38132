import type { Conversation, Message } from '@clipdm/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useCallback, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { failureOf } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { replaceInLists } from '../inbox/conversation-list-query.ts';
import { markUnsent, setReactions, toggleMine } from './message-updates.ts';
import { loadOlderMessages, messagesQuery, updateMessages } from './messages-query.ts';

/**
 * One open conversation from the query cache: the conversation, its messages (paged backwards; live
 * events add to them in `live/patch-query-cache.ts`), and the message actions.
 */
export function useConversation(id: string) {
  const client = useQueryClient();
  const conversationQuery = useQuery({
    queryKey: queryKeys.conversation(id),
    queryFn: () => api.getConversation(id),
  });
  const messagesResult = useQuery(messagesQuery(client, id));
  const loadingOlder = useRef(false);
  // The last action's failure; the next action that succeeds clears it.
  const [actionError, setActionError] = useState<unknown>(null);
  const outcome = { onSuccess: () => setActionError(null), onError: setActionError };

  // What a header or group action answered: the conversation, and its row in the boxes, show it at once.
  const setConversation = useCallback(
    (conversation: Conversation) => {
      client.setQueryData(queryKeys.conversation(id), conversation);
      replaceInLists(client, conversation);
    },
    [client, id],
  );

  const loadOlder = useMutation({ mutationFn: () => loadOlderMessages(client, id), ...outcome });

  const unsend = useMutation({
    mutationFn: (message: Message) => api.unsend(message.id),
    onSuccess: (_, message) => {
      updateMessages(client, id, (all) => markUnsent(all, message.id));
      setActionError(null);
    },
    onError: setActionError,
  });

  const hide = useMutation({
    mutationFn: (message: Message) => api.hide(message.id),
    onSuccess: (_, message) => {
      updateMessages(client, id, (all) => all.filter((m) => m.id !== message.id));
      setActionError(null);
    },
    onError: setActionError,
  });

  // Optimistic: the reaction shows at once and is taken back if the server refuses it.
  const react = useMutation({
    mutationFn: ({ message, emoji }: { message: Message; emoji: string }) =>
      message.reactions.find((r) => r.mine)?.emoji === emoji
        ? api.unreact(message.id)
        : api.react(message.id, emoji),
    onMutate: ({ message, emoji }) => {
      updateMessages(client, id, (all) =>
        setReactions(all, message.id, toggleMine(message.reactions, emoji)),
      );
    },
    onSuccess: () => setActionError(null),
    onError: (error, { message }) => {
      updateMessages(client, id, (all) => setReactions(all, message.id, message.reactions));
      setActionError(error);
    },
  });

  const window = messagesResult.data;
  return {
    conversation: conversationQuery.data ?? null,
    setConversation,
    messages: window?.messages ?? [],
    hasOlder: window?.hasOlder ?? false,
    error: failureOf(actionError ?? conversationQuery.error ?? messagesResult.error),
    loadOlder: async () => {
      if (!window?.hasOlder || loadingOlder.current) return;
      loadingOlder.current = true;
      await loadOlder.mutateAsync().catch(() => undefined);
      loadingOlder.current = false;
    },
    unsend: (message: Message) => unsend.mutate(message),
    hide: (message: Message) => hide.mutate(message),
    react: (message: Message, emoji: string) => react.mutate({ message, emoji }),
  };
}
