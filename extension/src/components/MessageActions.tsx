import { useState } from 'preact/hooks';
import { t } from '../lib/i18n.ts';
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
  const close = () => setOpen(false);
  return (
    <div class="message-actions" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <button type="button" class="icon" aria-expanded={open} aria-label={t('moreActions')} onClick={() => setOpen(!open)}>
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
