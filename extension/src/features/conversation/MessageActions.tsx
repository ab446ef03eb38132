import { useCallback, useRef, useState } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';
import { EmojiGrid } from '../../ui/EmojiPicker.tsx';
import { showToast } from '../../ui/toast.ts';
import { useEscape } from '../../ui/use-escape.ts';
import { useFloating, useOutsidePress } from '../../ui/use-floating.ts';
import { ReactionPicker } from './Reactions.tsx';

/**
 * The per-message menu: react (quick row, or any emoji of the grid), reply, copy the text, unsend (own
 * messages), delete for me. It opens beside its "⋯" and stays inside the message list; Escape or a press
 * outside closes it and focus returns to the "⋯".
 */
export function MessageActions({
  mine,
  canReact,
  text,
  onReact,
  onReply,
  onUnsend,
  onHide,
}: {
  mine: boolean;
  canReact: boolean;
  /** The message's text, for Copy; null for a video. */
  text: string | null;
  onReact: (emoji: string) => void;
  /** Absent where replying is not possible (a request not yet accepted). */
  onReply?: () => void;
  onUnsend: () => void;
  onHide: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [allEmoji, setAllEmoji] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const close = (refocus = true) => {
    setOpen(false);
    setAllEmoji(false);
    if (refocus) toggle.current?.focus();
  };
  useEscape(
    open,
    useCallback(() => close(), []),
    true,
  );
  useOutsidePress(open, [toggle, menu], () => close(false));
  useFloating(
    open,
    toggle,
    menu,
    mine ? 'bottom-end' : 'bottom-start',
    () => toggle.current?.closest('.messages') ?? null,
  );
  const act = (run: () => void) => () => {
    close();
    run();
  };
  return (
    <div class="message-actions">
      <button
        ref={toggle}
        type="button"
        class="icon"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t('moreActions')}
        onClick={() => (open ? close() : setOpen(true))}
      >
        ⋯
      </button>
      {open && (
        <div class="menu" ref={menu} data-testid="message-menu">
          {canReact && (
            <div class="menu-reactions">
              <ReactionPicker onReact={(emoji) => act(() => onReact(emoji))()} />
              <button
                type="button"
                class="emoji more-emoji"
                aria-expanded={allEmoji}
                aria-label={t('moreEmoji')}
                onClick={() => setAllEmoji(!allEmoji)}
              >
                <span aria-hidden="true">＋</span>
              </button>
            </div>
          )}
          {canReact && allEmoji && (
            <EmojiGrid
              label={(emoji) => t('reactWith', emoji)}
              onPick={(emoji) => act(() => onReact(emoji))()}
            />
          )}
          {onReply && (
            <button type="button" onClick={act(onReply)}>
              {t('reply')}
            </button>
          )}
          {text !== null && (
            <button
              type="button"
              onClick={act(() => {
                void navigator.clipboard
                  .writeText(text)
                  .then(() => showToast({ text: t('copied') }))
                  .catch(() => showToast({ text: t('copyFailed') }));
              })}
            >
              {t('copy')}
            </button>
          )}
          {mine && (
            <button type="button" onClick={act(onUnsend)}>
              {t('unsend')}
            </button>
          )}
          <button type="button" class="danger-text" onClick={act(onHide)}>
            {t('deleteForMe')}
          </button>
        </div>
      )}
    </div>
  );
}
