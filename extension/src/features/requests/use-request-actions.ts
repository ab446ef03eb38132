import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api, type ReportInput } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { emit } from '../../live/panel-events.ts';

/** Accept, delete (decline) and report for one request; `onDone` gets what happened. */
export function useRequestActions(
  conversation: Conversation,
  onDone: (result: { action: 'accepted'; conversation: Conversation } | { action: 'removed' }) => void,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
      setError(null);
      emit({ type: 'counts-changed' });
    } catch (e) {
      setError(asFailure(e));
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    error,
    accept: () =>
      run(async () => onDone({ action: 'accepted', conversation: await api.accept(conversation.id) })),
    decline: () =>
      run(async () => {
        await api.decline(conversation.id);
        onDone({ action: 'removed' });
      }),
    report: (report: ReportInput) =>
      run(async () => {
        await api.report(conversation.id, report);
        onDone({ action: 'removed' });
      }),
  };
}
