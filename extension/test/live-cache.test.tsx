import { screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { queryKeys } from '../src/api/query-keys.ts';
import { ConversationView } from '../src/features/conversation/ConversationView.tsx';
import { InboxView } from '../src/features/inbox/InboxView.tsx';
import { emit } from '../src/live/panel-events.ts';
import { conversation, ME, member, message, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const mine = { id: ME.id, handle: ME.handle, displayName: ME.displayName };
const item = (seq: number) => document.querySelector(`[data-seq="${seq}"]`) as HTMLElement | null;

beforeEach(async () => {
  await signIn();
  vi.spyOn(api, 'markRead').mockResolvedValue(undefined);
  // The composer asks whether the other person takes messages; here they do.
  vi.spyOn(api, 'getUser').mockResolvedValue(user('alice', { isFriend: true }));
});
afterEach(() => vi.restoreAllMocks());

async function openConversation() {
  vi.spyOn(api, 'getConversation').mockResolvedValue(
    conversation('c-1', {
      members: [
        member(ME.id, ME.displayName, { lastReadSeq: 2 }),
        member('u-alice', 'Alice', { lastReadSeq: 1 }),
      ],
    }),
  );
  const list = vi.spyOn(api, 'listMessages').mockResolvedValue({
    messages: [message(1), message(2, { sender: mine, text: 'mine' })],
    hasMore: false,
  });
  renderWithQueries(<ConversationView id="c-1" myId={ME.id} onBack={vi.fn()} onRemoved={vi.fn()} />);
  await screen.findByText('mine');
  return list;
}

describe('live events in the query cache', () => {
  it('adds a live message to the open conversation without a fetch', async () => {
    const list = await openConversation();
    const calls = list.mock.calls.length;
    emit({ type: 'message', message: message(3, { text: 'live hello' }) });
    await screen.findByText('live hello');
    expect(list.mock.calls.length).toBe(calls);
  });

  it('fetches what came after the newest message held when a live message shows a gap', async () => {
    const list = await openConversation();
    list.mockResolvedValue({
      messages: [message(3, { text: 'missed' }), message(4, { text: 'new' })],
      hasMore: false,
    });
    emit({ type: 'message', message: message(4, { text: 'new' }) });
    await screen.findByText('missed');
    expect(list).toHaveBeenLastCalledWith('c-1', { after: 2, limit: 100 });
    expect(screen.getAllByText('new')).toHaveLength(1);
  });

  it('turns an unsent message into its tombstone, shows reactions and the read status', async () => {
    await openConversation();
    emit({ type: 'message_unsent', conversationId: 'c-1', messageId: 'm-1', seq: 1 });
    await waitFor(() => expect(within(item(1) as HTMLElement).getByText('Message unsent')).toBeTruthy());

    emit({
      type: 'reaction',
      conversationId: 'c-1',
      messageId: 'm-2',
      reactions: [{ emoji: '🔥', count: 1, mine: false }],
    });
    expect(
      await within(item(2) as HTMLElement).findByRole('button', { name: '🔥, 1 reaction' }),
    ).toBeTruthy();

    expect(within(item(2) as HTMLElement).queryByText('Seen')).toBeNull();
    emit({ type: 'read', conversationId: 'c-1', userId: 'u-alice', seq: 2 });
    expect(await within(item(2) as HTMLElement).findByText('Seen')).toBeTruthy();
  });

  it('ignores events of other conversations', async () => {
    await openConversation();
    emit({ type: 'message', message: message(3, { conversationId: 'c-2', text: 'elsewhere' }) });
    emit({ type: 'message_unsent', conversationId: 'c-2', messageId: 'm-1', seq: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('elsewhere')).toBeNull();
    expect(screen.getByText('message 1')).toBeTruthy();
  });

  it('shows a changed conversation in the inbox at once, then refetches the box', async () => {
    const list = vi.spyOn(api, 'listConversations').mockResolvedValue({
      items: [conversation('c-1', { kind: 'group', title: 'Old name' })],
      cursor: null,
    });
    renderWithQueries(<InboxView myId={ME.id} onOpen={vi.fn()} onCompose={vi.fn()} onNewGroup={vi.fn()} />);
    await screen.findByText('Old name');
    list.mockResolvedValue({
      items: [conversation('c-1', { kind: 'group', title: 'New name' })],
      cursor: null,
    });
    emit({ type: 'conversation', conversation: conversation('c-1', { kind: 'group', title: 'New name' }) });
    await screen.findByText('New name');
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('refetches what is on screen on a poll tick', async () => {
    const list = vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [], cursor: null });
    renderWithQueries(<InboxView myId={ME.id} onOpen={vi.fn()} onCompose={vi.fn()} onNewGroup={vi.fn()} />);
    await screen.findByText(/No conversations yet/);
    list.mockResolvedValue({
      items: [conversation('c-5', { kind: 'group', title: 'Arrived' })],
      cursor: null,
    });
    emit({ type: 'tick' });
    await screen.findByText('Arrived');
  });

  it('writes the unread counts of an `unread` event into the cache', () => {
    const { client } = renderWithQueries(<p>panel</p>);
    emit({ type: 'unread', inbox: 2, requests: 5 });
    expect(client.getQueryData(queryKeys.unread)).toEqual({ inbox: 2, requests: 5 });
  });
});
