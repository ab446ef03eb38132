import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { savedListsItem } from '../src/browser/offline-cache.ts';
import { InboxView } from '../src/features/inbox/InboxView.tsx';
import { pinnedItem } from '../src/features/inbox/pinned.ts';
import { Toast } from '../src/ui/Toast.tsx';
import { flushRemovals } from '../src/ui/undoable.ts';
import { conversation, ME, member, message } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

afterEach(() => vi.restoreAllMocks());

function renderInbox() {
  const onOpen = vi.fn();
  renderWithQueries(<InboxView myId={ME.id} onOpen={onOpen} onCompose={vi.fn()} onNewGroup={vi.fn()} />);
  return onOpen;
}

describe('InboxView', () => {
  it('lists conversations newest first with name, initials, preview, unread count and muted mark', async () => {
    const now = new Date().toISOString();
    vi.spyOn(api, 'listConversations').mockResolvedValue({
      items: [
        conversation('c-1', {
          unreadCount: 3,
          lastActivityAt: now,
          lastMessage: message(7, { text: 'see you at 8', createdAt: now }),
        }),
        conversation('c-2', {
          kind: 'group',
          title: 'Weekend plans',
          muted: true,
          members: [member(ME.id, ME.displayName), member('u-bo', 'Bo'), member('u-cy', 'Cy')],
          lastMessage: message(2, {
            kind: 'video',
            text: null,
            sender: { id: ME.id, handle: ME.handle, displayName: ME.displayName },
            video: {
              url: 'https://www.tiktok.com/@a/video/1',
              videoId: '1',
              authorHandle: 'a',
              title: null,
              thumbnailUrl: null,
            },
          }),
          lastActivityAt: '2026-11-19T10:00:00.000Z',
        }),
      ],
      cursor: null,
    });
    renderInbox();
    const rows = await screen.findAllByTestId('conversation-row');
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    // The accessible name starts with the other person's name / the group title.
    expect(first.textContent?.startsWith('Alice')).toBe(true);
    expect(within(first).getByText('see you at 8')).toBeTruthy();
    expect(within(first).getByText('3 unread messages')).toBeTruthy();
    expect(within(first).getByText('now')).toBeTruthy();
    expect(within(first).getByText('A')).toBeTruthy(); // initials, no picture
    expect(second.textContent?.startsWith('Weekend plans')).toBe(true);
    expect(within(second).getByText(/muted/)).toBeTruthy();
    expect(within(second).getByText('You: Shared a video')).toBeTruthy();
    expect(within(second).queryByText(/unread messages/)).toBeNull();
  });

  it('opens a conversation when its row is activated', async () => {
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [conversation('c-9')], cursor: null });
    const onOpen = renderInbox();
    (await screen.findByRole('button', { name: /^Alice/ })).click();
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'c-9' }));
  });

  it('loads the next page with the cursor (infinite scroll)', async () => {
    const list = vi
      .spyOn(api, 'listConversations')
      .mockResolvedValueOnce({ items: [conversation('c-1')], cursor: 'next' })
      .mockResolvedValueOnce({
        items: [conversation('c-2', { title: 'Older group', kind: 'group' })],
        cursor: null,
      });
    renderInbox();
    (await screen.findByRole('button', { name: 'Load more' })).click();
    await screen.findByText('Older group');
    expect(list).toHaveBeenLastCalledWith('inbox', 'next');
    expect(screen.getAllByTestId('conversation-row')).toHaveLength(2);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull());
  });

  it('says the inbox cannot be loaded (not "no conversations"), and Retry loads it', async () => {
    const list = vi.spyOn(api, 'listConversations').mockRejectedValue(new ApiFailure('offline', 'down'));
    renderInbox();
    expect((await screen.findByRole('alert')).textContent).toMatch(/can’t be loaded right now/);
    expect(screen.queryByText(/No conversations yet/)).toBeNull();
    list.mockResolvedValue({ items: [conversation('c-1')], cursor: null });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('conversation-row')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the saved copy, marked as such, when the worker cannot be reached', async () => {
    await savedListsItem.setValue({ inbox: [conversation('c-1', { title: 'Saved chat', kind: 'group' })] });
    vi.spyOn(api, 'listConversations').mockRejectedValue(new ApiFailure('offline', 'down'));
    renderInbox();
    expect(await screen.findByText('Saved chat')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/Saved copy/);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('finds conversations by name or @handle, accents ignored', async () => {
    vi.spyOn(api, 'listConversations').mockResolvedValue({
      items: [conversation('c-1'), conversation('c-2', { title: 'Café crew', kind: 'group' })],
      cursor: null,
    });
    renderInbox();
    await screen.findAllByTestId('conversation-row');
    fireEvent.input(screen.getByLabelText('Search conversations'), { target: { value: 'cafe' } });
    expect(screen.getAllByTestId('conversation-row').map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Café crew/),
    ]);
    fireEvent.input(screen.getByLabelText('Search conversations'), { target: { value: 'zzz' } });
    expect(screen.getByText('No conversation matches “zzz”.')).toBeTruthy();
  });

  it('pins a conversation to the top, on this browser', async () => {
    vi.spyOn(api, 'listConversations').mockResolvedValue({
      items: [conversation('c-1'), conversation('c-2', { title: 'Older group', kind: 'group' })],
      cursor: null,
    });
    renderInbox();
    await screen.findAllByTestId('conversation-row');
    fireEvent.click(screen.getByRole('button', { name: 'More for Older group' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pin' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('conversation-row')[0]?.textContent).toMatch(/^Older group/),
    );
    expect(await pinnedItem.getValue()).toEqual(['c-2']);
  });

  it('deletes a conversation after the Undo window, and Undo keeps it', async () => {
    const leave = vi.spyOn(api, 'leave').mockResolvedValue(undefined);
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [conversation('c-1')], cursor: null });
    render(<Toast />);
    renderInbox();
    await screen.findByTestId('conversation-row');
    fireEvent.click(screen.getByRole('button', { name: 'More for Alice' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete conversation' }));
    expect(screen.queryByTestId('conversation-row')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByTestId('conversation-row')).toBeTruthy();
    flushRemovals();
    expect(leave).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'More for Alice' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete conversation' }));
    expect(screen.getByRole('status').textContent).toMatch(/Conversation deleted/);
    flushRemovals();
    expect(leave).toHaveBeenCalledWith('c-1');
  });

  it('shows an empty state', async () => {
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [], cursor: null });
    renderInbox();
    expect(await screen.findByText(/No conversations yet/)).toBeTruthy();
  });
});
