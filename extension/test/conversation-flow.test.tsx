import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { savedChatsItem } from '../src/browser/offline-cache.ts';
import { outboxItem } from '../src/browser/storage-items.ts';
import { ConversationView } from '../src/features/conversation/ConversationView.tsx';
import { emit } from '../src/live/panel-events.ts';
import { Toast } from '../src/ui/Toast.tsx';
import { conversation, ME, message, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const mine = { id: ME.id, handle: ME.handle, displayName: ME.displayName };

beforeEach(async () => {
  await signIn();
  vi.spyOn(api, 'markRead').mockResolvedValue(undefined);
  vi.spyOn(api, 'typing').mockResolvedValue(undefined);
  // The outbox sends in the background; these tests look at what was queued and shown.
  vi.spyOn(api, 'sendMessage').mockImplementation(async (id, body) =>
    message(9, { conversationId: id, sender: mine, text: 'text' in body ? (body.text ?? null) : null }),
  );
});
afterEach(() => vi.restoreAllMocks());

function open(
  options: {
    status?: 'accepted' | 'request';
    alice?: Parameters<typeof user>[1];
    messages?: ReturnType<typeof message>[];
  } = {},
) {
  vi.spyOn(api, 'getConversation').mockResolvedValue(
    conversation('c-1', { status: options.status ?? 'accepted' }),
  );
  vi.spyOn(api, 'listMessages').mockResolvedValue({
    messages: options.messages ?? [message(1)],
    hasMore: false,
  });
  vi.spyOn(api, 'getUser').mockResolvedValue(user('alice', { isFriend: true, ...options.alice }));
  renderWithQueries(
    <>
      <ConversationView id="c-1" myId={ME.id} onBack={vi.fn()} onRemoved={vi.fn()} />
      <Toast />
    </>,
  );
}

/** The toast's text, once one shows. */
async function waitForToast(): Promise<string> {
  const region = document.querySelector('.toast-region') as HTMLElement;
  await waitFor(() => expect(region.textContent).not.toBe(''));
  return region.textContent ?? '';
}

const box = () => screen.getByLabelText('Message') as HTMLTextAreaElement;

describe('refusals and hints before typing', () => {
  it('disables the composer with the reason when their settings refuse the viewer', async () => {
    open({ alice: { canMessage: false } });
    expect(await screen.findByText("Alice's privacy settings don't let you message them.")).toBeTruthy();
    expect(box().disabled).toBe(true);
  });

  it('tells a sender their messages go as a request, and about the limit of 3', async () => {
    open({ alice: { isFriend: false }, messages: [message(1, { sender: mine, text: 'hi' })] });
    expect(
      await screen.findByText(
        'Until Alice accepts or replies, your messages arrive as a request, and you can send up to 3.',
      ),
    ).toBeTruthy();
    expect(box().disabled).toBe(false);
  });

  it('says that replying accepts a request, and drops the banner once the reply goes', async () => {
    open({ status: 'request' });
    expect(
      await screen.findByText('Replying accepts the request: they will know you have seen it.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeTruthy();
    fireEvent.input(box(), { target: { value: 'sure, hi!' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull());
    expect(screen.queryByText(/Replying accepts/)).toBeNull();
  });
});

describe('message list', () => {
  it('groups consecutive messages of one sender, times shown on the last of a block', async () => {
    open({
      messages: [
        message(1, { createdAt: '2026-11-20T10:00:00.000Z' }),
        message(2, { createdAt: '2026-11-20T10:01:00.000Z' }),
        message(3, { sender: mine, createdAt: '2026-11-20T10:02:00.000Z' }),
      ],
    });
    await screen.findByText('message 3');
    const [first, second, third] = [1, 2, 3].map((seq) => document.querySelector(`[data-seq="${seq}"]`));
    expect(first?.classList.contains('followed')).toBe(true);
    expect(second?.classList.contains('follows')).toBe(true);
    expect(second?.classList.contains('followed')).toBe(false);
    expect(third?.classList.contains('follows')).toBe(false);
  });

  it('does not yank a reader who scrolled up: a "New messages" pill takes them down', async () => {
    open({ messages: [message(1)] });
    await screen.findByText('message 1');
    const list = document.querySelector('.messages') as HTMLElement;
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 2000 });
    Object.defineProperty(list, 'clientHeight', { configurable: true, value: 500 });
    list.scrollTop = 100;
    fireEvent.scroll(list);
    emit({ type: 'message', message: message(2, { text: 'something new' }) });
    await screen.findByText('something new');
    expect(list.scrollTop).toBe(100);
    fireEvent.click(screen.getByRole('button', { name: 'New messages ↓' }));
    expect(list.scrollTop).toBe(2000);
    expect(screen.queryByRole('button', { name: 'New messages ↓' })).toBeNull();
  });

  it('shows a link to a video pasted as text as a video card, and sends one as a video', async () => {
    const link = 'https://www.tiktok.com/@carol/video/7300000000000000003';
    open({ messages: [message(1, { text: link })] });
    expect(await screen.findByRole('link', { name: /Open video/ })).toBeTruthy();
    fireEvent.input(box(), { target: { value: link } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(async () => expect((await outboxItem.getValue())[0]?.videoUrl).toBe(link));
    expect((await outboxItem.getValue())[0]?.text).toBeUndefined();
  });
});

describe('conversation menu', () => {
  it('blocks from inside the chat, with Undo', async () => {
    const block = vi.spyOn(api, 'block').mockResolvedValue(undefined);
    const unblock = vi.spyOn(api, 'unblock').mockResolvedValue(undefined);
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Conversation options' }));
    fireEvent.click(within(screen.getByTestId('chat-menu')).getByRole('button', { name: 'Block' }));
    await waitFor(() => expect(block).toHaveBeenCalledWith('alice'));
    expect(await waitForToast()).toMatch(/Blocked Alice/);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(unblock).toHaveBeenCalledWith('alice');
  });

  it('copies a message and closes the menu, focus back on its "⋯"', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    open();
    await screen.findByText('message 1');
    const more = screen.getByRole('button', { name: 'More actions' });
    fireEvent.click(more);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('message 1');
    expect(screen.queryByTestId('message-menu')).toBeNull();
    expect(document.activeElement).toBe(more);
    expect(await waitForToast()).toMatch(/Copied/);
  });
});

describe('typing', () => {
  it('tells the others while the draft changes, at most every 3 seconds', async () => {
    open();
    await screen.findByText('message 1');
    fireEvent.input(box(), { target: { value: 'h' } });
    fireEvent.input(box(), { target: { value: 'he' } });
    fireEvent.input(box(), { target: { value: 'hey' } });
    expect(api.typing).toHaveBeenCalledTimes(1);
    expect(api.typing).toHaveBeenCalledWith('c-1');
  });

  it('shows who is typing, until their message arrives', async () => {
    open();
    await screen.findByText('message 1');
    emit({ type: 'typing', conversationId: 'c-1', userId: 'u-alice' });
    const line = document.querySelector('.typing-line') as HTMLElement;
    await waitFor(() => expect(line.textContent).toBe('Alice is typing…'));
    emit({ type: 'typing', conversationId: 'other', userId: 'u-bob' });
    emit({ type: 'message', message: message(2, { text: 'here it is' }) });
    await screen.findByText('here it is');
    expect(line.textContent).toBe('');
  });
});

describe('outage', () => {
  it('shows the saved copy of the chat, marked as such, and Retry loads it afresh', async () => {
    await savedChatsItem.setValue({
      'c-1': { conversation: conversation('c-1'), messages: [message(1, { text: 'from the saved copy' })] },
    });
    const get = vi.spyOn(api, 'getConversation').mockRejectedValue(new ApiFailure('offline', 'down'));
    vi.spyOn(api, 'listMessages').mockRejectedValue(new ApiFailure('offline', 'down'));
    vi.spyOn(api, 'getUser').mockResolvedValue(user('alice', { isFriend: true }));
    renderWithQueries(<ConversationView id="c-1" myId={ME.id} onBack={vi.fn()} onRemoved={vi.fn()} />);
    expect(await screen.findByText('from the saved copy')).toBeTruthy();
    expect(screen.getByText('Saved copy: ClipDM can’t be reached right now.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Alice' })).toBeTruthy();
    get.mockResolvedValue(conversation('c-1'));
    vi.spyOn(api, 'listMessages').mockResolvedValue({
      messages: [message(1, { text: 'fresh' })],
      hasMore: false,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('fresh')).toBeTruthy();
    expect(screen.queryByText(/Saved copy/)).toBeNull();
  });
});

describe('replies', () => {
  it('replies to a message: the bar shows what is answered, the send carries replyTo, and the quote shows', async () => {
    open({ messages: [message(1, { text: 'are you coming?' })] });
    await screen.findByText('are you coming?');
    fireEvent.click(screen.getByRole('button', { name: 'More actions' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    expect(screen.getByTestId('replying').textContent).toMatch(/Replying to .*Alice.*are you coming\?/);
    expect(document.activeElement).toBe(box());
    fireEvent.input(box(), { target: { value: 'yes!' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(async () =>
      expect((await outboxItem.getValue())[0]).toMatchObject({ text: 'yes!', replyTo: 'm-1' }),
    );
    expect(screen.queryByTestId('replying')).toBeNull();
    emit({
      type: 'message',
      message: message(2, {
        sender: mine,
        text: 'yes!',
        replyTo: {
          id: 'm-1',
          sender: { id: 'u-alice', handle: 'alice', displayName: 'Alice' },
          kind: 'text',
          text: 'are you coming?',
          unsent: false,
        },
      }),
    });
    expect(await screen.findByRole('button', { name: 'In reply to Alice are you coming?' })).toBeTruthy();
    emit({
      type: 'message',
      message: message(3, {
        text: 'great',
        replyTo: { id: 'm-2', sender: mine, kind: 'text', text: 'yes!', unsent: false },
      }),
    });
    // A quote of the viewer's own message names them as "You".
    expect(await screen.findByRole('button', { name: 'In reply to You yes!' })).toBeTruthy();
  });
});
