import { screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { createQueryClient } from '../src/api/query-client.ts';
import { queryKeys } from '../src/api/query-keys.ts';
import { keepOfflineCopies } from '../src/browser/keep-offline-copies.ts';
import { savedChatsItem, savedListsItem } from '../src/browser/offline-cache.ts';
import { ConversationView } from '../src/features/conversation/ConversationView.tsx';
import { conversationListQuery, flattenPages } from '../src/features/inbox/conversation-list-query.ts';
import { InboxView } from '../src/features/inbox/InboxView.tsx';
import { patchQueryCache } from '../src/live/patch-query-cache.ts';
import { enqueue } from '../src/outbox/outbox.ts';
import { conversation, ME, member, message, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const alice = conversation('c-1');
const bob = conversation('c-2', { members: [member(ME.id, ME.displayName), member('u-bob', 'Bob')] });
const down = () => new ApiFailure('offline', 'down');

/** The ids of a box's saved copy, once it has `count` of them. */
async function savedIds(box: string, count: number): Promise<string[]> {
  let ids: string[] = [];
  await waitFor(async () => {
    ids = ((await savedListsItem.getValue())[box] ?? []).map((c) => c.id);
    expect(ids).toHaveLength(count);
  });
  return ids;
}

/** The open chat of conversation `id`, its data stubbed by the caller. */
function openChat(id: string) {
  return renderWithQueries(<ConversationView id={id} myId={ME.id} onBack={vi.fn()} onRemoved={vi.fn()} />);
}

/** The inbox after a restart with the worker unreachable: only the saved copy to show. */
function inboxWhileDown() {
  vi.spyOn(api, 'listConversations').mockRejectedValue(down());
  renderWithQueries(<InboxView myId={ME.id} onOpen={vi.fn()} onCompose={vi.fn()} onNewGroup={vi.fn()} />);
}

beforeEach(async () => {
  await signIn();
  vi.spyOn(api, 'markRead').mockResolvedValue(undefined);
  vi.spyOn(api, 'getUser').mockResolvedValue(user('bob', { isFriend: true }));
});
afterEach(() => vi.restoreAllMocks());

describe('the saved copy of the boxes', () => {
  it('follows the inbox data off screen: a fetch, then a live patch, with no inbox shown', async () => {
    const client = createQueryClient();
    const stop = keepOfflineCopies(client);
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [alice, bob], cursor: null });
    await client.fetchInfiniteQuery(conversationListQuery('inbox'));
    expect(await savedIds('inbox', 2)).toEqual(['c-1', 'c-2']);

    patchQueryCache(client, { type: 'conversation', conversation: { ...bob, muted: true } });
    await waitFor(async () => expect((await savedListsItem.getValue()).inbox?.[1]?.muted).toBe(true));
    stop();
  });

  it("shows a message sent or received off screen as its row's last one, the row first", async () => {
    const client = createQueryClient();
    const stop = keepOfflineCopies(client);
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [alice, bob], cursor: null });
    await client.fetchInfiniteQuery(conversationListQuery('inbox'));
    await savedIds('inbox', 2);
    const sent = message(2, { conversationId: 'c-2', text: 'see you soon' });
    patchQueryCache(client, { type: 'message', message: sent });
    await waitFor(async () => {
      const [top] = (await savedListsItem.getValue()).inbox ?? [];
      expect(top).toMatchObject({ id: 'c-2', lastMessage: { text: 'see you soon' } });
    });
    // An older message (a late duplicate) changes nothing.
    patchQueryCache(client, { type: 'message', message: message(1, { conversationId: 'c-1' }) });
    const held = client.getQueryData(conversationListQuery('inbox').queryKey);
    expect(flattenPages(held).map((c) => [c.id, c.lastMessage?.seq])).toEqual([
      ['c-2', 2],
      ['c-1', 1],
    ]);
    stop();
  });

  it('gains a conversation opened while the inbox is off screen, at the top of it and of the cache', async () => {
    const client = createQueryClient();
    const stop = keepOfflineCopies(client);
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [alice], cursor: null });
    await client.fetchInfiniteQuery(conversationListQuery('inbox'));
    await client.fetchQuery({ queryKey: queryKeys.conversation('c-2'), queryFn: async () => bob });
    expect(await savedIds('inbox', 2)).toEqual(['c-2', 'c-1']);
    const held = client.getQueryData(conversationListQuery('inbox').queryKey);
    expect(flattenPages(held).map((c) => c.id)).toEqual(['c-2', 'c-1']);
    stop();
  });

  it('puts a request opened from a notification in the saved requests, not the inbox', async () => {
    await savedListsItem.setValue({ inbox: [alice] });
    vi.spyOn(api, 'getConversation').mockResolvedValue({ ...bob, status: 'request' });
    vi.spyOn(api, 'listMessages').mockResolvedValue({ messages: [], hasMore: false });
    openChat('c-2');
    expect(await savedIds('requests', 1)).toEqual(['c-2']);
    expect(await savedIds('inbox', 1)).toEqual(['c-1']);
  });

  it('shows a chat started from New message, never seen in the inbox, after a restart with the worker down', async () => {
    await savedListsItem.setValue({ inbox: [alice] });
    vi.spyOn(api, 'getConversation').mockResolvedValue(bob);
    vi.spyOn(api, 'listMessages').mockResolvedValue({
      messages: [message(1, { conversationId: 'c-2', text: 'hi Bob' })],
      hasMore: false,
    });
    const chat = openChat('c-2');
    await screen.findByText('hi Bob');
    await savedIds('inbox', 2);
    chat.unmount();

    inboxWhileDown();
    const rows = await screen.findAllByTestId('conversation-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Bob/),
      expect.stringMatching(/^Alice/),
    ]);
    expect(screen.getByRole('alert').textContent).toMatch(/Saved copy/);
  });
});

describe('the saved copy of a chat', () => {
  it('is saved from the cache and shows, with what waits in the outbox, when the worker is down', async () => {
    vi.spyOn(api, 'getConversation').mockResolvedValue(bob);
    vi.spyOn(api, 'listMessages').mockResolvedValue({
      messages: [message(1, { conversationId: 'c-2', text: 'hi Bob' })],
      hasMore: false,
    });
    const chat = openChat('c-2');
    await waitFor(async () => expect((await savedChatsItem.getValue())['c-2']?.messages).toHaveLength(1));
    chat.unmount();

    await enqueue('c-2', { text: 'sent on the train' });
    vi.spyOn(api, 'getConversation').mockRejectedValue(down());
    vi.spyOn(api, 'listMessages').mockRejectedValue(down());
    openChat('c-2');
    expect(await screen.findByText('hi Bob')).toBeTruthy();
    expect(screen.getByText('sent on the train')).toBeTruthy();
    expect(screen.getByText(/Saved copy/)).toBeTruthy();
  });

  it('stands in from the saved box, with no messages, for a chat never loaded that has messages waiting', async () => {
    await savedListsItem.setValue({ inbox: [bob] });
    await enqueue('c-2', { videoUrl: 'https://www.tiktok.com/@a/video/1' });
    await enqueue('c-2', { text: 'shared from the page' });
    vi.spyOn(api, 'getConversation').mockRejectedValue(down());
    vi.spyOn(api, 'listMessages').mockRejectedValue(down());
    openChat('c-2');
    expect(await screen.findByText('shared from the page')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Bob' })).toBeTruthy();
  });
});
