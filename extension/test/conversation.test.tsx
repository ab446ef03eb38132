import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { outboxItem } from '../src/browser/storage-items.ts';
import { ConversationView } from '../src/features/conversation/ConversationView.tsx';
import { conversation, ME, member, message, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const mine = { id: ME.id, handle: ME.handle, displayName: ME.displayName };

beforeEach(async () => {
  await signIn();
  vi.spyOn(api, 'markRead').mockResolvedValue(undefined);
  // The composer asks whether the other person takes messages; here they do.
  vi.spyOn(api, 'getUser').mockResolvedValue(user('alice', { isFriend: true }));
  vi.spyOn(api, 'typing').mockResolvedValue(undefined);
});
afterEach(() => vi.restoreAllMocks());

function renderConversation() {
  renderWithQueries(<ConversationView id="c-1" myId={ME.id} onBack={vi.fn()} onRemoved={vi.fn()} />);
}

const item = (seq: number) => document.querySelector(`[data-seq="${seq}"]`) as HTMLElement;

describe('ConversationView', () => {
  it('groups by day, aligns own messages apart, and shows "Seen" from the read status', async () => {
    vi.spyOn(api, 'getConversation').mockResolvedValue(
      conversation('c-1', {
        members: [
          member(ME.id, ME.displayName, { lastReadSeq: 2 }),
          member('u-alice', 'Alice', { lastReadSeq: 2 }),
        ],
      }),
    );
    vi.spyOn(api, 'listMessages').mockResolvedValue({
      messages: [
        message(1, { createdAt: '2026-11-19T10:00:00.000Z' }),
        message(2, { sender: mine, createdAt: '2026-11-20T10:00:00.000Z' }),
      ],
      hasMore: false,
    });
    renderConversation();
    await screen.findByText('message 2');
    expect(document.querySelectorAll('.day')).toHaveLength(2);
    expect(item(2).classList.contains('mine')).toBe(true);
    expect(item(1).classList.contains('mine')).toBe(false);
    expect(within(item(2)).getByText('Seen')).toBeTruthy();
  });

  it('reacts, unsends and deletes for me through the API', async () => {
    vi.spyOn(api, 'getConversation').mockResolvedValue(conversation('c-1'));
    vi.spyOn(api, 'listMessages').mockResolvedValue({
      messages: [message(1), message(2, { sender: mine, text: 'oops' })],
      hasMore: false,
    });
    const react = vi.spyOn(api, 'react').mockResolvedValue(undefined);
    const unsend = vi.spyOn(api, 'unsend').mockResolvedValue(undefined);
    const hide = vi.spyOn(api, 'hide').mockResolvedValue(undefined);
    renderConversation();
    await screen.findByText('oops');

    fireEvent.click(within(item(1)).getByRole('button', { name: 'More actions' }));
    fireEvent.click(screen.getByRole('button', { name: 'React with 🔥' }));
    expect(await within(item(1)).findByRole('button', { name: '🔥, 1 reaction' })).toBeTruthy();
    expect(react).toHaveBeenCalledWith('m-1', '🔥');

    fireEvent.click(within(item(2)).getByRole('button', { name: 'More actions' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unsend' }));
    expect(await within(item(2)).findByText('Message unsent')).toBeTruthy();
    expect(unsend).toHaveBeenCalledWith('m-2');

    fireEvent.click(within(item(1)).getByRole('button', { name: 'More actions' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete for me' }));
    await waitFor(() => expect(item(1)).toBeNull());
    expect(hide).toHaveBeenCalledWith('m-1');
  });

  it('takes a refused reaction back and says why', async () => {
    vi.spyOn(api, 'getConversation').mockResolvedValue(conversation('c-1'));
    vi.spyOn(api, 'listMessages').mockResolvedValue({ messages: [message(1)], hasMore: false });
    let refuse: (error: unknown) => void = () => undefined;
    vi.spyOn(api, 'react').mockReturnValue(new Promise((_, reject) => (refuse = reject)));
    renderConversation();
    await screen.findByText('message 1');
    fireEvent.click(within(item(1)).getByRole('button', { name: 'More actions' }));
    fireEvent.click(screen.getByRole('button', { name: 'React with 🔥' }));
    // Shown before the server answers…
    expect(await within(item(1)).findByRole('button', { name: '🔥, 1 reaction' })).toBeTruthy();
    refuse(new ApiFailure('rate_limited', 'slow down'));
    // …and taken back when it refuses.
    await waitFor(() => expect(within(item(1)).queryByRole('button', { name: '🔥, 1 reaction' })).toBeNull());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many tries. Wait a moment and try again.',
    );
  });

  it('loads older messages when scrolled to the top', async () => {
    vi.spyOn(api, 'getConversation').mockResolvedValue(conversation('c-1'));
    const list = vi
      .spyOn(api, 'listMessages')
      .mockResolvedValueOnce({ messages: [message(31), message(32)], hasMore: true })
      .mockResolvedValueOnce({ messages: [message(29), message(30)], hasMore: false });
    renderConversation();
    await screen.findByText('message 32');
    fireEvent.scroll(screen.getByRole('log'), { target: { scrollTop: 0 } });
    await screen.findByText('message 29');
    expect(list).toHaveBeenLastCalledWith('c-1', { before: 31, limit: 30 });
    expect(screen.queryByRole('button', { name: 'Load older messages' })).toBeNull();
  });

  it('shows a refused send as failed with the reason, and Retry resends it with the same clientId', async () => {
    vi.spyOn(api, 'getConversation').mockResolvedValue(conversation('c-1'));
    vi.spyOn(api, 'listMessages').mockResolvedValue({ messages: [], hasMore: false });
    const send = vi.spyOn(api, 'sendMessage').mockRejectedValueOnce(new ApiFailure('cannot_message', 'no'));
    renderConversation();
    const box = await screen.findByLabelText('Message');
    await waitFor(() => expect(box).toHaveProperty('disabled', false));
    fireEvent.input(box, { target: { value: 'are you there?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const failed = await screen.findByText(/You can't message this account/);
    expect(failed.closest('[data-testid="message"]')?.getAttribute('data-status')).toBe('failed');
    const clientId = send.mock.calls[0]?.[1].clientId;

    send.mockResolvedValueOnce(
      message(1, { sender: mine, text: 'are you there?', clientId: clientId ?? null }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(item(1)).not.toBeNull());
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]?.[1].clientId).toBe(clientId);
    expect(await outboxItem.getValue()).toEqual([]);
    expect(document.querySelector('[data-status="failed"]')).toBeNull();
  });
});
