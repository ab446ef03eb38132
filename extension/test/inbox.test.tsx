import { screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { InboxView } from '../src/features/inbox/InboxView.tsx';
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

  it('says when the server cannot be reached', async () => {
    vi.spyOn(api, 'listConversations').mockRejectedValue(new ApiFailure('offline', 'down'));
    renderInbox();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Can't reach the ClipDM server/);
  });

  it('shows an empty state', async () => {
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [], cursor: null });
    renderInbox();
    expect(await screen.findByText(/No conversations yet/)).toBeTruthy();
  });
});
