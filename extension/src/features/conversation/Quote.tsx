import type { QuotedMessage } from '@clipdm/shared';
import { t } from '../../browser/i18n.ts';

/** The quoted message at the top of a reply; activating it brings the original into view. */
export function Quote({ quote, myId }: { quote: QuotedMessage; myId: string }) {
  const excerpt = quote.unsent ? t('messageUnsent') : quote.kind === 'video' ? t('previewVideo') : quote.text;
  return (
    <button
      type="button"
      class="quote"
      onClick={() =>
        document
          .querySelector(`[data-id="${CSS.escape(quote.id)}"]`)
          ?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      }
    >
      {/* Heard before the visible text, so the button's name still contains what is seen. */}
      <span class="visually-hidden">{t('inReplyTo')} </span>
      <bdi class="quote-sender">{quote.sender.id === myId ? t('you') : quote.sender.displayName}</bdi>
      <bdi class="quote-text">{excerpt}</bdi>
    </button>
  );
}
