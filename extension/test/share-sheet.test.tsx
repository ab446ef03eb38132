import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { outboxItem } from '../src/browser/storage-items.ts';
import { ShareSheet } from '../src/features/share/ShareSheet.tsx';
import { conversation, ME, member, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const URL = 'https://www.tiktok.com/@carol/video/7300000000000000003';

beforeEach(async () => {
  await signIn();
  vi.spyOn(api, 'listConversations').mockResolvedValue({
    items: [
      conversation('c-1'),
      conversation('c-2', { members: [member(ME.id, ME.displayName), member('u-bob', 'Bob Brouwer')] }),
    ],
    cursor: null,
  });
  vi.spyOn(api, 'sendMessage').mockRejectedValue(new Error('not sent in this test'));
});
afterEach(() => vi.restoreAllMocks());

function openSheet() {
  const onSent = vi.fn();
  renderWithQueries(<ShareSheet url={URL} myId={ME.id} onSent={onSent} onCancel={vi.fn()} />);
  return onSent;
}

describe('ShareSheet', () => {
  it('shows the video as a card and recent chats as whole names, not a raw URL', async () => {
    openSheet();
    expect(await screen.findByRole('button', { name: 'Bob Brouwer', pressed: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Open video/ })).toBeTruthy();
    expect(screen.queryByText(URL)).toBeNull();
  });

  it('sends to several chats at once, with a note, only on Send', async () => {
    const onSent = openSheet();
    fireEvent.click(await screen.findByRole('button', { name: 'Alice', pressed: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Bob Brouwer', pressed: false }));
    expect(screen.getByRole('button', { name: 'Alice', pressed: true })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Add a note (optional)'), { target: { value: 'look at this!' } });
    expect(await outboxItem.getValue()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Send to 2 chats' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith(null));
    const queued = (await outboxItem.getValue()).map((i) => [i.conversationId, i.videoUrl ?? i.text]);
    expect(queued).toEqual([
      ['c-1', URL],
      ['c-1', 'look at this!'],
      ['c-2', URL],
      ['c-2', 'look at this!'],
    ]);
  });

  it('finds people, and someone who does not accept your messages cannot be chosen', async () => {
    vi.spyOn(api, 'searchUsers').mockResolvedValue([user('dave', { canMessage: false })]);
    openSheet();
    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: 'da' } });
    const dave = (await screen.findByRole('button', { name: /Dave/ })) as HTMLButtonElement;
    expect(dave.disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });
});
