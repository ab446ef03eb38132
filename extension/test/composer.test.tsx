import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from '../src/features/conversation/Composer.tsx';

function Harness({ onSend, initial = '' }: { onSend: (text: string) => void; initial?: string }) {
  const [text, setText] = useState(initial);
  return <Composer text={text} onText={setText} onSend={onSend} />;
}

const box = () => screen.getByLabelText('Message') as HTMLTextAreaElement;

describe('Composer', () => {
  it('sends on Enter and clears the box', () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    fireEvent.input(box(), { target: { value: 'hello there' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('hello there');
    expect(box().value).toBe('');
  });

  it('does not send on Shift+Enter (that is a new line)', () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    fireEvent.input(box(), { target: { value: 'line one' } });
    const event = fireEvent.keyDown(box(), { key: 'Enter', shiftKey: true });
    expect(event).toBe(true); // not prevented: the textarea inserts the newline
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send an empty or blank message', () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    fireEvent.input(box(), { target: { value: '   ' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });

  it('shows no counter far from the limit, and how many are left near it', () => {
    render(<Harness onSend={vi.fn()} />);
    fireEvent.input(box(), { target: { value: 'a'.repeat(100) } });
    expect(screen.queryByText(/characters left/)).toBeNull();
    fireEvent.input(box(), { target: { value: 'a'.repeat(1900) } });
    expect(screen.getByText('100 characters left')).toBeTruthy();
  });

  it('refuses to send over 2000 characters and says by how much', () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    fireEvent.input(box(), { target: { value: 'a'.repeat(2005) } });
    expect(screen.getByText('5 characters too many')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(box().getAttribute('aria-invalid')).toBe('true');
  });
});
