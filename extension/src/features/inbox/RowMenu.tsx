import { useCallback, useRef, useState } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';
import { useEscape } from '../../ui/use-escape.ts';
import { useFloating, useOutsidePress } from '../../ui/use-floating.ts';

/** "⋯" beside an inbox row: pin or unpin it, delete the conversation. */
export function RowMenu({
  name,
  pinned,
  onPin,
  onDelete,
}: {
  name: string;
  pinned: boolean;
  onPin: () => void;
  onDelete: () => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  useFloating(open, button, menu, 'bottom-end');
  useOutsidePress(open, [button, menu], () => close(false));
  useEscape(
    open,
    useCallback(() => close(), []),
    true,
  );
  const act = (run: () => void) => () => {
    close();
    run();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        class="icon row-more"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t('conversationActions', name)}
        onClick={() => (open ? close() : setOpen(true))}
      >
        ⋯
      </button>
      {open && (
        <div class="menu" ref={menu}>
          <button type="button" onClick={act(onPin)}>
            {pinned ? t('unpin') : t('pin')}
          </button>
          <button type="button" class="danger-text" onClick={act(onDelete)}>
            {t('deleteConversation')}
          </button>
        </div>
      )}
    </>
  );
}
