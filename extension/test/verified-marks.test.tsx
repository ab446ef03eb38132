import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ConversationRow } from '../src/features/inbox/ConversationRow.tsx';
import { PeopleResults } from '../src/features/people/PeopleResults.tsx';
import { RequestRow } from '../src/features/requests/RequestRow.tsx';
import { conversation, ME, member, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const MARK = { name: 'Verified TikTok account' };

function direct(verified: boolean, status: 'accepted' | 'request' = 'accepted') {
  return conversation('c-1', {
    status,
    members: [member(ME.id, ME.displayName), member('u-vera', 'Vera', { verified })],
  });
}

describe('the verified mark', () => {
  it('sits beside a verified person in the inbox, and nowhere else', () => {
    const { unmount } = render(<ConversationRow conversation={direct(true)} myId={ME.id} onOpen={vi.fn()} />);
    const row = screen.getByRole('button', { name: /Vera/ });
    expect(within(row).getByRole('img', MARK)).toBeTruthy();
    unmount();
    render(<ConversationRow conversation={direct(false)} myId={ME.id} onOpen={vi.fn()} />);
    expect(screen.queryByRole('img', MARK)).toBeNull();
  });

  it('is shown in search results', () => {
    render(
      <PeopleResults
        query="ve"
        users={[user('vera', { verified: true }), user('vero')]}
        busy={false}
        onPick={vi.fn()}
      />,
    );
    expect(screen.getAllByRole('img', MARK)).toHaveLength(1);
    expect(within(screen.getByText('Vera').closest('li') as HTMLElement).getByRole('img', MARK)).toBeTruthy();
  });
});

describe('requests from unverified accounts', () => {
  it('say the sender did not prove the handle', () => {
    renderWithQueries(
      <RequestRow
        conversation={direct(false, 'request')}
        myId={ME.id}
        acquaintance="none"
        onOpen={vi.fn()}
        onAccepted={vi.fn()}
        onRemoved={vi.fn()}
      />,
    );
    expect(screen.getByText('Not verified: this account did not prove its handle on TikTok.')).toBeTruthy();
  });

  it('say nothing of the kind for a verified sender', () => {
    renderWithQueries(
      <RequestRow
        conversation={direct(true, 'request')}
        myId={ME.id}
        acquaintance="none"
        onOpen={vi.fn()}
        onAccepted={vi.fn()}
        onRemoved={vi.fn()}
      />,
    );
    expect(screen.queryByText(/Not verified/)).toBeNull();
    expect(screen.getByRole('img', MARK)).toBeTruthy();
  });
});
