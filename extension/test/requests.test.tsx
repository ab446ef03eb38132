import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { RequestsView } from '../src/features/requests/RequestsView.tsx';
import { Toast } from '../src/ui/Toast.tsx';
import { flushRemovals } from '../src/ui/undoable.ts';
import { conversation, ME, member, message, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

function request(id: string, who: string) {
  return conversation(id, {
    status: 'request',
    unreadCount: 1,
    members: [
      member(ME.id, ME.displayName),
      member(`u-${who}`, who, { avatarUrl: 'https://cdn.example/a.jpg' }),
    ],
    lastMessage: message(1, { conversationId: id, text: `hi from ${who}` }),
  });
}

beforeEach(() => {
  vi.spyOn(api, 'suggested').mockResolvedValue([user('sam')]);
  vi.spyOn(api, 'getUser').mockImplementation(async (handle) =>
    user(handle, { followsYou: handle === 'fay' }),
  );
});
afterEach(() => vi.restoreAllMocks());

async function renderRequests(items = [request('c-1', 'fay'), request('c-2', 'sam'), request('c-3', 'zed')]) {
  vi.spyOn(api, 'listConversations').mockResolvedValue({ items, cursor: null });
  renderWithQueries(
    <>
      <RequestsView myId={ME.id} onOpen={vi.fn()} />
      <Toast />
    </>,
  );
  await screen.findByText('hi from fay');
}

describe('RequestsView', () => {
  it('shows how you know each sender, and no avatars', async () => {
    await renderRequests();
    expect(await screen.findByText('Follows you')).toBeTruthy();
    expect(await screen.findByText('Suggested friend (in your contacts)')).toBeTruthy();
    expect(await screen.findByText("You don't follow each other")).toBeTruthy();
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('accepts a request and takes it out of the list', async () => {
    const accept = vi.spyOn(api, 'accept').mockResolvedValue(conversation('c-1'));
    await renderRequests();
    fireEvent.click(
      screen.getByRole('group', { name: 'Request from fay' }).querySelector('button') as HTMLElement,
    );
    await waitFor(() => expect(screen.queryByText('hi from fay')).toBeNull());
    expect(accept).toHaveBeenCalledWith('c-1');
  });

  it('deletes (declines) a request', async () => {
    const decline = vi.spyOn(api, 'decline').mockResolvedValue(undefined);
    await renderRequests();
    const group = screen.getByRole('group', { name: 'Request from sam' });
    fireEvent.click(
      [...group.querySelectorAll('button')].find((b) => b.textContent === 'Delete') as HTMLElement,
    );
    await waitFor(() => expect(screen.queryByText('hi from sam')).toBeNull());
    // Declined once the Undo window closes (or the panel does).
    expect(decline).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/Request deleted/);
    flushRemovals();
    expect(decline).toHaveBeenCalledWith('c-2');
  });

  it('brings a deleted request back with Undo, and never declines it', async () => {
    const decline = vi.spyOn(api, 'decline').mockResolvedValue(undefined);
    // Its own id: removals are remembered for the panel's lifetime, across these tests too.
    await renderRequests([request('c-1', 'fay'), request('c-7', 'sam')]);
    const group = screen.getByRole('group', { name: 'Request from sam' });
    fireEvent.click(
      [...group.querySelectorAll('button')].find((b) => b.textContent === 'Delete') as HTMLElement,
    );
    await waitFor(() => expect(screen.queryByText('hi from sam')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('hi from sam')).toBeTruthy();
    flushRemovals();
    expect(decline).not.toHaveBeenCalled();
  });

  it("shows each sender's @handle, so a display name cannot pass for someone else", async () => {
    const coins = request('c-9', 'coins');
    await renderRequests([
      request('c-1', 'fay'),
      { ...coins, members: [member(ME.id, ME.displayName), member('u-coins4u', '💰 FREE COINS 💰')] },
    ]);
    const row = screen.getByRole('button', { name: /^💰 FREE COINS 💰/ });
    expect(row.textContent).toMatch(/@coins4u/);
  });

  it('reports with the chosen reason and block, and removes the request', async () => {
    const report = vi.spyOn(api, 'report').mockResolvedValue({ reportId: 'r-1' });
    await renderRequests();
    const group = screen.getByRole('group', { name: 'Request from zed' });
    fireEvent.click(
      [...group.querySelectorAll('button')].find((b) => b.textContent === 'Report') as HTMLElement,
    );
    const send = screen.getByRole('button', { name: 'Send report' });
    expect(send).toHaveProperty('disabled', true); // a reason is required
    fireEvent.click(screen.getByLabelText('Scam or fraud'));
    fireEvent.click(screen.getByLabelText('Also block zed'));
    fireEvent.click(send);
    await waitFor(() => expect(screen.queryByText('hi from zed')).toBeNull());
    flushRemovals();
    expect(report).toHaveBeenCalledWith('c-3', { reason: 'scam', block: true });
  });

  it('deletes all requests after a confirmation', async () => {
    const decline = vi.spyOn(api, 'decline').mockResolvedValue(undefined);
    await renderRequests();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    expect(decline).not.toHaveBeenCalled();
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [], cursor: null });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete all' }));
    await screen.findByText('No message requests.');
    expect(decline.mock.calls.map((c) => c[0])).toEqual(['c-1', 'c-2', 'c-3']);
  });
});
