import { useCallback, useRef, useState } from 'preact/hooks';
import { t } from '../../browser/i18n.ts';
import { useEscape } from '../../ui/use-escape.ts';
import { useFloating, useOutsidePress } from '../../ui/use-floating.ts';

export interface ChatMenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
  pressed?: boolean;
}

/** The conversation's "⋯": mute, group info, block, report, delete — what the view says applies. */
export function ChatMenu({ items }: { items: ChatMenuItem[] }) {
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
  if (items.length === 0) return null;
  return (
    <>
      <button
        ref={button}
        type="button"
        class="icon"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t('conversationMenu')}
        onClick={() => (open ? close() : setOpen(true))}
      >
        ⋯
      </button>
      {open && (
        <div class="menu" ref={menu} data-testid="chat-menu">
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              class={item.danger ? 'danger-text' : undefined}
              aria-pressed={item.pressed}
              onClick={() => {
                close(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
