import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { InboxView } from '../src/features/inbox/InboxView.tsx';
import { RENDER_MARKS } from '../src/features/inbox/render-marks.ts';
import { conversation, ME } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

afterEach(() => vi.restoreAllMocks());

function renderInbox() {
  renderWithQueries(<InboxView myId={ME.id} onOpen={vi.fn()} onCompose={vi.fn()} onNewGroup={vi.fn()} />);
}

const entries = (name: string) => performance.getEntriesByName(name);

// The marks are once per page, so this file tells one story in order (vitest isolates files).
describe('the first-render marks (issue 14)', () => {
  it('marks nothing while the inbox is empty', async () => {
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [], cursor: null });
    renderInbox();
    await screen.findByText('No conversations yet.', { exact: false });
    expect(entries(RENDER_MARKS.inboxData)).toHaveLength(0);
    expect(entries(RENDER_MARKS.inboxRendered)).toHaveLength(0);
    cleanup();
  });

  it('marks the first render with rows, with their number and the measures from the panel start', async () => {
    performance.mark(RENDER_MARKS.panelStart);
    vi.spyOn(api, 'listConversations').mockResolvedValue({
      items: [conversation('c-1'), conversation('c-2'), conversation('c-3')],
      cursor: null,
    });
    renderInbox();
    expect(await screen.findAllByTestId('conversation-row')).toHaveLength(3);
    const [rendered] = entries(RENDER_MARKS.inboxRendered) as PerformanceMark[];
    expect(rendered?.detail).toEqual({ rows: 3 });
    expect(entries(RENDER_MARKS.firstRender)).toHaveLength(1);
    expect(entries(RENDER_MARKS.inboxRender)).toHaveLength(1);
    cleanup();
  });

  it('marks only once: the inbox mounted again adds nothing', async () => {
    vi.spyOn(api, 'listConversations').mockResolvedValue({ items: [conversation('c-1')], cursor: null });
    renderInbox();
    expect(await screen.findAllByTestId('conversation-row')).toHaveLength(1);
    expect(entries(RENDER_MARKS.inboxRendered)).toHaveLength(1);
    expect(entries(RENDER_MARKS.inboxData)).toHaveLength(1);
  });
});
