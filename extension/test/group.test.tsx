import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { ConversationView } from '../src/features/conversation/ConversationView.tsx';
import { conversation, ME, member, message, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const group = (ownerId: string) =>
  conversation('c-1', {
    kind: 'group',
    title: 'Weekend plans',
    members: [
      member(ME.id, ME.displayName, { role: ownerId === ME.id ? 'owner' : 'member' }),
      member('u-alice', 'Alice', { role: ownerId === 'u-alice' ? 'owner' : 'member' }),
      member('u-bob', 'Bob'),
    ],
  });

beforeEach(async () => {
  await signIn();
  vi.spyOn(api, 'markRead').mockResolvedValue(undefined);
});
afterEach(() => vi.restoreAllMocks());

function renderGroup(ownerId: string, onBack = vi.fn()) {
  vi.spyOn(api, 'getConversation').mockResolvedValue(group(ownerId));
  vi.spyOn(api, 'listMessages').mockResolvedValue({
    messages: [
      message(1),
      message(2, { text: 'second from Alice' }),
      message(3, { sender: { id: 'u-bob', handle: 'bob', displayName: 'Bob' } }),
    ],
    hasMore: false,
  });
  renderWithQueries(<ConversationView id="c-1" myId={ME.id} onBack={onBack} onRemoved={vi.fn()} />);
  return onBack;
}

const openInfo = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Conversation options' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Group info' }));
};

describe('group conversations', () => {
  it('names the sender above the first message of each run, and the members under the title', async () => {
    renderGroup('u-alice');
    await screen.findByText('second from Alice');
    expect([...document.querySelectorAll('.sender')].map((e) => e.textContent)).toEqual(['Alice', 'Bob']);
    expect(screen.getByText('Alice, Bob, You')).toBeTruthy();
  });

  it('lets the owner rename the group and remove a member', async () => {
    renderGroup(ME.id);
    const rename = vi.spyOn(api, 'renameGroup').mockResolvedValue({ ...group(ME.id), title: 'Picnic' });
    const remove = vi.spyOn(api, 'removeMember').mockResolvedValue(undefined);
    await openInfo();
    expect(document.activeElement?.textContent).toBe('3 members');

    fireEvent.input(screen.getByLabelText('Group name'), { target: { value: 'Picnic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Picnic' });
    expect(rename).toHaveBeenCalledWith('c-1', 'Picnic');

    fireEvent.click(screen.getByRole('button', { name: 'Remove Bob' }));
    // Asked first: nothing is removed until the confirmation.
    const confirm = screen.getByRole('group', { name: 'Remove Bob from the group?' });
    expect(remove).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await screen.findByText('2 members');
    expect(remove).toHaveBeenCalledWith('c-1', 'bob');
  });

  it('shows a member neither rename nor remove, but lets them add people and leave', async () => {
    const onBack = renderGroup('u-alice');
    vi.spyOn(api, 'searchUsers').mockResolvedValue([user('carol'), user('bob')]);
    const add = vi.spyOn(api, 'addMembers').mockResolvedValue({
      ...group('u-alice'),
      members: [...group('u-alice').members, member('u-carol', 'Carol')],
    });
    const leave = vi.spyOn(api, 'leave').mockResolvedValue(undefined);
    await openInfo();
    expect(screen.queryByLabelText('Group name')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();

    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: 'c' } });
    const results = await screen.findByRole('button', { name: /Carol/ });
    // Bob is already in the group, so only Carol is offered.
    expect(screen.queryByRole('button', { name: /@bob/ })).toBeNull();
    fireEvent.click(results);
    await screen.findByText('4 members');
    expect(add).toHaveBeenCalledWith('c-1', ['carol']);

    fireEvent.click(screen.getByRole('button', { name: 'Leave group' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(leave).toHaveBeenCalledWith('c-1');
  });

  it('names the people of a group change by display name, "You" or @handle', async () => {
    vi.spyOn(api, 'getConversation').mockResolvedValue(group('u-alice'));
    vi.spyOn(api, 'listMessages').mockResolvedValue({
      messages: [
        message(1, {
          kind: 'event',
          text: null,
          event: {
            type: 'added',
            actor: { id: 'u-alice', handle: 'alice' },
            targets: [
              { id: ME.id, handle: ME.handle },
              { id: 'u-bob', handle: 'bob' },
              { id: 'u-gone', handle: 'gone' },
            ],
            title: null,
          },
        }),
      ],
      hasMore: false,
    });
    renderWithQueries(<ConversationView id="c-1" myId={ME.id} onBack={vi.fn()} onRemoved={vi.fn()} />);
    await screen.findByText('Alice added You, Bob, @gone');
  });

  it('says who refused to be added', async () => {
    renderGroup('u-alice');
    vi.spyOn(api, 'searchUsers').mockResolvedValue([user('dave')]);
    vi.spyOn(api, 'addMembers').mockRejectedValue(
      new ApiFailure('cannot_message', 'no', { status: 403, details: { handles: ['dave'] } }),
    );
    await openInfo();
    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: 'd' } });
    fireEvent.click(await screen.findByRole('button', { name: /Dave/ }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/@dave/)).toBeTruthy();
  });
});
