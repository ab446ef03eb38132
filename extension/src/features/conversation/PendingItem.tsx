import { ApiFailure, type ClientErrorCode } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import type { OutboxItem } from '../../browser/storage-items.ts';
import { errorText } from '../../ui/error-text.ts';

/** A message still in the outbox: "Sending…", or why it failed with Retry and Discard. */
export function PendingItem({
  item,
  onRetry,
  onDiscard,
}: {
  item: OutboxItem;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const failed = item.status === 'failed';
  return (
    <li class={`message mine ${item.status}`} data-testid="message" data-status={item.status}>
      <div class="bubble-row">
        <div class="bubble">
          <span class="text">{item.text ?? item.videoUrl}</span>
        </div>
      </div>
      {failed ? (
        <div class="pending-state" role="alert">
          <span>
            {t('notSent')} {errorText(new ApiFailure((item.errorCode ?? 'internal') as ClientErrorCode, ''))}
          </span>
          <button type="button" class="link" onClick={onRetry}>
            {t('retry')}
          </button>
          <button type="button" class="link" onClick={onDiscard}>
            {t('discard')}
          </button>
        </div>
      ) : (
        <span class="pending-state quiet">{t('sending')}</span>
      )}
    </li>
  );
}
