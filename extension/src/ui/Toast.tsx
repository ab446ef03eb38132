import { t } from '../browser/i18n.ts';
import { dismissToast, useToast } from './toast.ts';

/** The one toast of the panel, announced politely; its action (Undo) is a real button. */
export function Toast() {
  const toast = useToast();
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="toast" key={toast.id}>
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              class="link"
              onClick={() => {
                toast.action?.run();
                dismissToast();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" class="icon" aria-label={t('dismiss')} onClick={dismissToast}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
