import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useEffect, useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { useReturnFocus } from '../src/entrypoints/sidepanel/use-return-focus.ts';

/** A list that unmounts while an item is open, as the panel's views do. */
function Harness() {
  const [open, setOpen] = useState<string | null>(null);
  const focus = useReturnFocus();
  useEffect(() => {
    if (open === null) focus.restore();
  }, [open]);
  if (open)
    return (
      <button type="button" onClick={() => setOpen(null)}>
        Back
      </button>
    );
  return (
    <div role="tablist">
      <button type="button" role="tab" aria-selected="true">
        Inbox
      </button>
      {['a', 'b'].map((id) => (
        <button
          key={id}
          type="button"
          data-focus-key={`row-${id}`}
          onClick={() => {
            focus.remember();
            setOpen(id);
          }}
        >
          Row {id}
        </button>
      ))}
    </div>
  );
}

describe('focus after Back', () => {
  it('returns to the row that opened the view, not to <body>', async () => {
    render(<Harness />);
    const row = screen.getByRole('button', { name: 'Row b' });
    row.focus();
    fireEvent.click(row);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Row b'));
    expect(document.activeElement).not.toBe(document.body);
  });
});
