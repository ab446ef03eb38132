import type { Conversation } from '@clipdm/shared';
import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { api, type ReportInput } from '../../api/client.ts';
import { failureOf } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { removeFromLists } from '../inbox/conversation-list-query.ts';

type Outcome = { action: 'accepted'; conversation: Conversation } | { action: 'removed' };
type Action = { type: 'accept' } | { type: 'decline' } | { type: 'report'; report: ReportInput };

/**
 * Accept, delete (decline) and report for one request. The answer goes into the query cache (the
 * request leaves the requests box; an accepted one is stored as accepted) and `onDone` gets what happened.
 */
export function useRequestActions(conversation: Conversation, onDone: (result: Outcome) => void) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (action: Action): Promise<Outcome> => {
      if (action.type === 'accept') {
        return { action: 'accepted', conversation: await api.accept(conversation.id) };
      }
      if (action.type === 'decline') await api.decline(conversation.id);
      else await api.report(conversation.id, action.report);
      return { action: 'removed' };
    },
    onSuccess: (result) => {
      removeFromLists(client, conversation.id);
      if (result.action === 'accepted') {
        client.setQueryData(queryKeys.conversation(conversation.id), result.conversation);
        // It now belongs in the inbox, at a place only the server knows.
        void client.invalidateQueries({ queryKey: queryKeys.conversationList('inbox') });
      }
      void client.invalidateQueries({ queryKey: queryKeys.unread });
      onDone(result);
    },
  });
  return {
    busy: mutation.isPending,
    error: failureOf(mutation.error),
    accept: () => mutation.mutateAsync({ type: 'accept' }).catch(() => undefined),
    decline: () => mutation.mutateAsync({ type: 'decline' }).catch(() => undefined),
    report: (report: ReportInput) => mutation.mutateAsync({ type: 'report', report }).catch(() => undefined),
  };
}
