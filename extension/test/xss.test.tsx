import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { ConversationView } from '../src/features/conversation/ConversationView.tsx';
import { conversation, ME, message, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const PAYLOAD = '<img src=x onerror=alert(1)>';

beforeEach(async () => {
  await signIn();
  // The composer asks whether the other person takes messages; here they do.
  vi.spyOn(api, 'getUser').mockResolvedValue(user('alice', { isFriend: true }));
  vi.spyOn(api, 'typing').mockResolvedValue(undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('user content is text, never HTML', () => {
  it('shows a received message and a display name with markup as text', async () => {
    const evil = conversation('c-1', {
      members: [
        {
          id: ME.id,
          handle: ME.handle,
          displayName: ME.displayName,
          avatarUrl: null,
          verified: false,
          role: 'member',
          lastReadSeq: null,
        },
        {
          id: 'u-x',
          handle: 'x',
          displayName: '<b>Bold</b>',
          avatarUrl: null,
          verified: false,
          role: 'member',
          lastReadSeq: null,
        },
      ],
    });
    vi.spyOn(api, 'getConversation').mockResolvedValue(evil);
    vi.spyOn(api, 'listMessages').mockResolvedValue({
      messages: [message(1, { text: PAYLOAD })],
      hasMore: false,
    });
    vi.spyOn(api, 'markRead').mockResolvedValue(undefined);
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    renderWithQueries(<ConversationView id="c-1" myId={ME.id} onBack={vi.fn()} onRemoved={vi.fn()} />);
    expect(await screen.findByText(PAYLOAD)).toBeTruthy();
    expect(screen.getByRole('heading', { name: '<b>Bold</b>' })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
  });

  it('shows a message typed in the composer as text while it is pending', async () => {
    vi.spyOn(api, 'getConversation').mockResolvedValue(conversation('c-1'));
    vi.spyOn(api, 'listMessages').mockResolvedValue({ messages: [], hasMore: false });
    const send = vi.spyOn(api, 'sendMessage').mockRejectedValue(new ApiFailure('offline', 'down'));
    renderWithQueries(<ConversationView id="c-1" myId={ME.id} onBack={vi.fn()} onRemoved={vi.fn()} />);
    const box = await screen.findByLabelText('Message');
    await waitFor(() => expect(box).toHaveProperty('disabled', false));
    fireEvent.input(box, { target: { value: PAYLOAD } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const pending = await screen.findByText(PAYLOAD);
    expect(pending.closest('[data-testid="message"]')?.getAttribute('data-status')).toBe('pending');
    expect(document.querySelector('.message-list img')).toBeNull();
    // The send was attempted (and failed offline): the message stays queued, shown as pending text.
    await waitFor(() => expect(send).toHaveBeenCalledWith('c-1', expect.objectContaining({ text: PAYLOAD })));
  });
});
