import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';

export const MAX_LENGTH = 2000;
/** The counter appears once the text gets this close to the limit. */
const COUNTER_FROM = 1800;

/**
 * The message box: Enter sends, Shift+Enter adds a line. The text is the caller's (a saved draft);
 * a counter shows near the 2000-character limit and sending is refused above it.
 */
export function Composer({
  text,
  onText,
  onSend,
  disabled = false,
}: {
  text: string;
  onText: (text: string) => void;
  onSend: (text: string) => void;
  disabled?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // Focus lands in the box once the conversation can take a message (focus moves to the opened chat).
  useEffect(() => {
    if (!disabled) ref.current?.focus();
  }, [disabled]);
  const length = text.trim().length;
  const over = length > MAX_LENGTH;
  const canSend = length > 0 && !over && !disabled;

  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    onText('');
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for="composer-text" class="visually-hidden">
        {t('message')}
      </label>
      <textarea
        id="composer-text"
        ref={ref}
        rows={2}
        value={text}
        disabled={disabled}
        placeholder={t('messagePlaceholder')}
        aria-describedby="composer-counter"
        aria-invalid={over}
        onInput={(e) => onText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      <div class="composer-side">
        <span id="composer-counter" class={`counter${over ? ' over' : ''}`} aria-live="polite">
          {length >= COUNTER_FROM ? t('charactersLeft', String(MAX_LENGTH - length)) : ''}
        </span>
        <button type="submit" class="primary" disabled={!canSend}>
          {t('send')}
        </button>
      </div>
    </form>
  );
}
