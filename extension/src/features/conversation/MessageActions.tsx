import { useCallback, useRef, useState } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';
import { useEscape } from '../../ui/use-escape.ts';
import { ReactionPicker } from './Reactions.tsx';

/** The per-message menu: react, unsend (own messages), delete for me. Escape closes it. */
export function MessageActions({
  mine,
  canReact,
  onReact,
  onUnsend,
  onHide,
}: {
  mine: boolean;
  canReact: boolean;
  onReact: (emoji: string) => void;
  onUnsend: () => void;
  onHide: () => void;
}) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);
  useEscape(
    open,
    useCallback(() => {
      setOpen(false);
      toggle.current?.focus();
    }, []),
    true,
  );
  return (
    <div class="message-actions">
      <button
        ref={toggle}
        type="button"
        class="icon"
        aria-expanded={open}
        aria-label={t('moreActions')}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div class="menu">
          {canReact && (
            <ReactionPicker
              onReact={(emoji) => {
                close();
                onReact(emoji);
              }}
            />
          )}
          {mine && (
            <button
              type="button"
              onClick={() => {
                close();
                onUnsend();
              }}
            >
              {t('unsend')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              close();
              onHide();
            }}
          >
            {t('deleteForMe')}
          </button>
        </div>
      )}
    </div>
  );
}
