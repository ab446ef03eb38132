import type { QuotedMessage } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';

/** The quoted message at the top of a reply; activating it brings the original into view. */
export function Quote({ quote }: { quote: QuotedMessage }) {
  const excerpt = quote.unsent ? t('messageUnsent') : quote.kind === 'video' ? t('previewVideo') : quote.text;
  return (
    <button
      type="button"
      class="quote"
      aria-label={t('quoteOf', [quote.sender.displayName, excerpt ?? ''])}
      onClick={() =>
        document
          .querySelector(`[data-id="${CSS.escape(quote.id)}"]`)
          ?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      }
    >
      <bdi class="quote-sender">{quote.sender.displayName}</bdi>
      <bdi class="quote-text">{excerpt}</bdi>
    </button>
  );
}
