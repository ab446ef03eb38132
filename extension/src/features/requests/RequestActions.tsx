import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { ReportDialog } from './ReportDialog.tsx';
import { useRequestActions } from './use-request-actions.ts';

/** Accept / Delete / Report for a message request, with the report form when asked. */
export function RequestActions({
  conversation,
  name,
  onDone,
}: {
  conversation: Conversation;
  name: string;
  onDone: Parameters<typeof useRequestActions>[1];
}) {
  const actions = useRequestActions(conversation, onDone);
  const [reporting, setReporting] = useState(false);
  return (
    <div class="request-actions">
      <fieldset class="actions">
        <legend class="visually-hidden">{t('requestActionsFor', name)}</legend>
        <button type="button" class="primary" disabled={actions.busy} onClick={() => void actions.accept()}>
          {t('accept')}
        </button>
        <button type="button" disabled={actions.busy} onClick={() => void actions.decline()}>
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
            void actions.report(report);
          }}
        />
      )}
      <ErrorNote error={actions.error} />
    </div>
  );
}
