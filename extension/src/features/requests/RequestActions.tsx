import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { showToast } from '../../ui/toast.ts';
import { removeWithUndo } from '../../ui/undoable.ts';
import { ReportDialog } from './ReportDialog.tsx';
import { useRequestActions } from './use-request-actions.ts';

/** Accept / Delete / Report for a message request, with the report form when asked. */
export function RequestActions({
  conversation,
  name,
  onDone,
  primary = false,
}: {
  conversation: Conversation;
  name: string;
  /** Accept is the view's one filled button in an open request; in a list of them, every row is equal. */
  primary?: boolean;
  onDone: Parameters<typeof useRequestActions>[1];
}) {
  const actions = useRequestActions(conversation, (result) => {
    if (result.action === 'accepted') showToast({ text: t('requestAccepted', name) });
    onDone(result);
  });
  const [reporting, setReporting] = useState(false);
  return (
    <div class="request-actions">
      <fieldset class="actions">
        <legend class="visually-hidden">{t('requestActionsFor', name)}</legend>
        <button
          type="button"
          class={primary ? 'primary' : undefined}
          disabled={actions.busy}
          onClick={() => void actions.accept()}
        >
          {t('accept')}
        </button>
        <button
          type="button"
          disabled={actions.busy}
          onClick={() => {
            // Hidden at once, declined when the Undo window closes (the sender is never told).
            removeWithUndo(conversation.id, t('requestDeleted'), t('undo'), () =>
              api.decline(conversation.id),
            );
            onDone({ action: 'removed' });
          }}
        >
          {t('delete')}
        </button>
        <button type="button" class="danger-text" disabled={actions.busy} onClick={() => setReporting(true)}>
          {t('report')}
        </button>
      </fieldset>
      {reporting && (
        <ReportDialog
          name={name}
          canBlock={conversation.kind === 'direct'}
          onCancel={() => setReporting(false)}
          onSubmit={(report) => {
            setReporting(false);
            removeWithUndo(conversation.id, t('reportSent'), t('undo'), () =>
              api.report(conversation.id, report),
            );
            onDone({ action: 'removed' });
          }}
        />
      )}
      <ErrorNote error={actions.error} />
    </div>
  );
}
