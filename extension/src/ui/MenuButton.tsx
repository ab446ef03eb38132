import { useCallback, useRef, useState } from 'preact/hooks';
import { useEscape } from './use-escape.ts';
import { useFloating, useOutsidePress } from './use-floating.ts';

export interface MenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
  pressed?: boolean;
}

/**
 * A "⋯" button and the menu it opens, placed by floating-ui inside the panel; Escape or a press outside
 * closes it and gives focus back to the button. The conversation's menu and each inbox row's use it.
 */
export function MenuButton({
  label,
  items,
  buttonClass = 'icon',
  testId,
  refocusAfterPick = false,
}: {
  label: string;
  items: MenuItem[];
  buttonClass?: string;
  testId?: string;
  /** Whether picking an item gives focus back to the button (when the item leaves the view in place). */
  refocusAfterPick?: boolean;
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
  if (items.length === 0) return null;
  return (
    <>
      <button
        ref={button}
        type="button"
        class={buttonClass}
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={label}
        onClick={() => (open ? close() : setOpen(true))}
      >
        ⋯
      </button>
      {open && (
        <div class="menu" ref={menu} data-testid={testId}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              class={item.danger ? 'danger-text' : undefined}
              aria-pressed={item.pressed}
              onClick={() => {
                close(refocusAfterPick);
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
