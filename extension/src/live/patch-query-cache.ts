import type { Conversation } from '@clipdm/shared';
import type { QueryClient } from '@tanstack/preact-query';
import { queryKeys } from '../api/query-keys.ts';
import { markUnsent, mergeMessages, setReactions } from '../features/conversation/message-updates.ts';
import { lastSeqOf, type MessageWindow, updateMessages } from '../features/conversation/messages-query.ts';
import { replaceInLists, showLastMessage } from '../features/inbox/conversation-list-query.ts';
import type { PanelEvent } from './panel-events.ts';

function refreshCounts(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: queryKeys.unread });
  void client.invalidateQueries({ queryKey: queryKeys.conversationLists });
}

/**
 * Applies one panel event to the query cache, so every view showing that data updates. What the event
 * carries is written in directly (`setQueryData`); what only the server can compute — a box's order,
 * unread counts — is invalidated, which refetches the queries a view is showing and no others.
 */
export function patchQueryCache(client: QueryClient, event: PanelEvent): void {
  switch (event.type) {
    case 'message': {
      const { conversationId, seq } = event.message;
      const key = queryKeys.messages(conversationId);
      const last = lastSeqOf(client.getQueryData<MessageWindow>(key));
      if (last > 0 && seq > last + 1) {
        // A gap in `seq` means events were missed: the refetch asks for everything after what is held,
        // this message included.
        void client.invalidateQueries({ queryKey: key });
      } else {
        updateMessages(client, conversationId, (messages) => mergeMessages(messages, [event.message]));
      }
      showLastMessage(client, event.message);
      refreshCounts(client);
      return;
    }
    case 'message_unsent':
      updateMessages(client, event.conversationId, (messages) => markUnsent(messages, event.messageId));
      void client.invalidateQueries({ queryKey: queryKeys.conversationLists });
      return;
    case 'reaction':
      updateMessages(client, event.conversationId, (messages) =>
        setReactions(messages, event.messageId, event.reactions),
      );
      return;
    case 'read':
      client.setQueryData<Conversation>(queryKeys.conversation(event.conversationId), (c) =>
        c
          ? {
              ...c,
              members: c.members.map((m) =>
                // `lastReadSeq` is null where the member hides read receipts: it stays hidden.
                m.id === event.userId && m.lastReadSeq !== null ? { ...m, lastReadSeq: event.seq } : m,
              ),
            }
          : c,
      );
      return;
    case 'conversation':
      client.setQueryData(queryKeys.conversation(event.conversation.id), event.conversation);
      replaceInLists(client, event.conversation);
      // Its box may have changed (accepted, left): the boxes are refetched.
      void client.invalidateQueries({ queryKey: queryKeys.conversationLists });
      return;
    case 'unread':
      client.setQueryData(queryKeys.unread, { inbox: event.inbox, requests: event.requests });
      return;
    case 'counts-changed':
      refreshCounts(client);
      return;
    case 'resync':
    case 'tick':
      // Back online, or polling while the stream is down: refetch the conversations and counts on
      // screen (settings, profiles and blocks do not change through events).
      void client.invalidateQueries({ queryKey: queryKeys.anyConversation });
      refreshCounts(client);
      return;
  }
}
