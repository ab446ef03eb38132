import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';
import { plural } from '../../browser/plural.ts';
import { EmojiGrid } from '../../ui/EmojiPicker.tsx';
import { useEscape } from '../../ui/use-escape.ts';
import { useFloating, useOutsidePress } from '../../ui/use-floating.ts';

export const MAX_LENGTH = 2000;
/** The counter appears once the text gets this close to the limit. */
const COUNTER_FROM = 1800;

/**
 * The message box: Enter sends, Shift+Enter adds a line, and it grows with its text up to a limit. The
 * text is the caller's (a saved draft); a counter shows near the 2000-character limit and sending is
 * refused above it. `blocked` disables it with its reason before anyone types; `hint` says what sending
 * will do (reply to a request: it accepts it).
 */
export function Composer({
  text,
  onText,
  onSend,
  disabled = false,
  blocked = null,
  hint = null,
  replyingTo = null,
  onCancelReply,
}: {
  text: string;
  onText: (text: string) => void;
  onSend: (text: string) => void;
  disabled?: boolean;
  blocked?: string | null;
  hint?: string | null;
  /** The message being answered (a quote), shown above the box with a way out. */
  replyingTo?: { name: string; excerpt: string } | null;
  onCancelReply?: () => void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const off = disabled || blocked !== null;
  // Focus lands in the box once the conversation can take a message (focus moves to the opened chat).
  useEffect(() => {
    if (!off) ref.current?.focus();
  }, [off]);
  useAutoGrow(ref, text);
  // Choosing Reply puts the cursor in the box.
  useEffect(() => {
    if (replyingTo) ref.current?.focus();
  }, [replyingTo?.name, replyingTo?.excerpt]);
  const length = text.trim().length;
  const over = length > MAX_LENGTH;
  const canSend = length > 0 && !over && !off;

  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    onText('');
  };

  const insert = (emoji: string) => {
    const box = ref.current;
    const start = box?.selectionStart ?? text.length;
    const end = box?.selectionEnd ?? text.length;
    onText(text.slice(0, start) + emoji + text.slice(end));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const described = ['composer-counter', blocked || hint ? 'composer-note' : ''].filter(Boolean).join(' ');
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {(blocked || hint) && (
        <p id="composer-note" class={`composer-note${blocked ? ' blocked' : ''}`} data-testid="composer-note">
          {blocked ?? hint}
        </p>
      )}
      {replyingTo && (
        <div class="replying" data-testid="replying">
          <span class="replying-text">
            {/* First-strong isolate marks keep a right-to-left name from reordering the sentence. */}
            <span class="quote-sender">{t('replyingTo', `\u2068${replyingTo.name}\u2069`)}</span>
            <bdi class="quote-text">{replyingTo.excerpt}</bdi>
          </span>
          <button type="button" class="icon" aria-label={t('cancelReply')} onClick={onCancelReply}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      <div class="composer-row">
        <label for="composer-text" class="visually-hidden">
          {t('message')}
        </label>
        <textarea
          id="composer-text"
          ref={ref}
          rows={1}
          value={text}
          disabled={off}
          placeholder={t('messagePlaceholder')}
          aria-describedby={described}
          aria-invalid={over}
          onInput={(e) => onText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <EmojiButton disabled={off} onPick={insert} />
        <button type="submit" class="send" disabled={!canSend}>
          {t('send')}
        </button>
      </div>
      <span id="composer-counter" class={`counter${over ? ' over' : ''}`} aria-live="polite">
        {over
          ? plural('charactersOver', length - MAX_LENGTH)
          : length >= COUNTER_FROM
            ? plural('charactersLeft', MAX_LENGTH - length)
            : ''}
      </span>
    </form>
  );
}

/**
 * Grows the box with its text. CSS `field-sizing: content` does this in Chromium; Firefox lacks it, so
 * the height follows `scrollHeight` (the stylesheet's `max-height` caps both, then it scrolls).
 */
function useAutoGrow(ref: { current: HTMLTextAreaElement | null }, text: string) {
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || CSS.supports('field-sizing', 'content')) return;
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + 2}px`;
  }, [text]);
}

/** "☺" beside the box: a grid of emoji inserted where the cursor is. */
function EmojiButton({ disabled, onPick }: { disabled: boolean; onPick: (emoji: string) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  useFloating(open, button, popover, 'top-end');
  useOutsidePress(open, [button, popover], () => setOpen(false));
  useEscape(open, () => setOpen(false), true);
  return (
    <>
      <button
        ref={button}
        type="button"
        class="icon"
        disabled={disabled}
        aria-expanded={open}
        aria-label={t('emojiButton')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☺</span>
      </button>
      {open && (
        <div class="menu popover" ref={popover} data-testid="emoji-popover">
          <EmojiGrid
            label={(emoji) => t('insertEmoji', emoji)}
            onPick={(emoji) => {
              setOpen(false);
              onPick(emoji);
            }}
          />
        </div>
      )}
    </>
  );
}
