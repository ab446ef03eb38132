import type { ApiFailure } from '../api/http.ts';
import { t } from '../browser/i18n.ts';
import { errorText, isRetryable } from './error-text.ts';

/**
 * An error announced to screen readers; `text` overrides the standard sentence for the code. With
 * `onRetry`, a failure that may pass (offline, timed out, server error) gets a Retry button.
 */
export function ErrorNote({
  error,
  text,
  onRetry,
}: {
  error?: ApiFailure | null;
  text?: string | null;
  onRetry?: () => void;
}) {
  const shown = text ?? (error ? errorText(error) : null);
  if (!shown) return null;
  return (
    <div class="error-note" role="alert">
      <p class="error">{shown}</p>
      {onRetry && error && isRetryable(error) && (
        <button type="button" class="small" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
