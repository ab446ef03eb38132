import { describe, expect, it } from 'vitest';
import { previewText } from '../src/features/inbox/message-preview.ts';
import { ME, message } from './fixtures.ts';

const mine = { id: ME.id, handle: ME.handle, displayName: ME.displayName };

describe('previewText', () => {
  it('names the sender of others’ messages in a group, not in a direct chat', () => {
    expect(previewText(message(1, { text: 'hi' }), ME.id, true)).toBe('Alice: hi');
    expect(previewText(message(1, { text: 'hi' }), ME.id)).toBe('hi');
  });

  it('says "You:" for your own messages, and nothing in front of a group change', () => {
    expect(previewText(message(1, { sender: mine, text: 'hi' }), ME.id, true)).toBe('You: hi');
    expect(previewText(message(1, { sender: mine, kind: 'event', text: null }), ME.id, true)).toBe(
      'Group updated',
    );
  });
});
