import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { AddMembers } from '../src/features/groups/AddMembers.tsx';
import { NewGroupView } from '../src/features/groups/NewGroupView.tsx';
import { ComposeView } from '../src/features/people/ComposeView.tsx';
import { conversation, ME, member, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

// `canMessage` answers "may I DM them now" (an existing direct chat counts); a group add is checked
// as a new conversation, so group pickers must not show that hint.
const found = [user('carol', { canMessage: true }), user('dave', { canMessage: false })];

beforeEach(async () => {
  await signIn();
  vi.spyOn(api, 'searchUsers').mockResolvedValue(found);
});
afterEach(() => vi.restoreAllMocks());

const search = () => fireEvent.input(screen.getByLabelText('Search people'), { target: { value: 'a' } });

describe('people search hints', () => {
  it('keeps the direct-message hint in the one-to-one compose', async () => {
    renderWithQueries(<ComposeView onOpen={vi.fn()} />);
    search();
    await screen.findByText('Can receive your messages');
    expect(screen.getByText("Doesn't accept messages from you")).toBeTruthy();
    expect((screen.getByRole('button', { name: /Dave/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows no hint when adding members, and leaves the answer to the server', async () => {
    const group = conversation('c-1', {
      kind: 'group',
      members: [member(ME.id, ME.displayName), member('u-alice', 'Alice'), member('u-bob', 'Bob')],
    });
    renderWithQueries(<AddMembers conversation={group} onAdded={vi.fn()} />);
    search();
    const dave = (await screen.findByRole('button', { name: /Dave/ })) as HTMLButtonElement;
    expect(dave.disabled).toBe(false);
    expect(screen.queryByText('Can receive your messages')).toBeNull();
    expect(screen.queryByText(/accept messages from you/)).toBeNull();
    expect(screen.queryByText(/privacy settings/)).toBeNull();
  });

  it('shows no hint in the new group picker', async () => {
    renderWithQueries(<NewGroupView onOpen={vi.fn()} />);
    search();
    const dave = (await screen.findByRole('checkbox', { name: /Dave/ })) as HTMLInputElement;
    expect(dave.disabled).toBe(false);
    expect(screen.queryByText('Can receive your messages')).toBeNull();
    expect(screen.queryByText(/accept messages from you/)).toBeNull();
  });

  it('marks the people the server refused and takes them out; chips read the name, "Remove X" to a screen reader', async () => {
    const create = vi
      .spyOn(api, 'createConversation')
      .mockRejectedValue(
        new ApiFailure('cannot_message', 'no', { status: 403, details: { handles: ['dave'] } }),
      );
    renderWithQueries(<NewGroupView onOpen={vi.fn()} />);
    search();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Carol/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Dave/ }));
    const chip = screen.getByRole('button', { name: 'Remove Dave' });
    expect(chip.textContent).toBe('Dave ×');
    fireEvent.click(screen.getByRole('button', { name: 'Create group' }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    const dave = (await screen.findByRole('checkbox', { name: /Dave/ })) as HTMLInputElement;
    await waitFor(() => expect(dave.disabled).toBe(true));
    expect(dave.checked).toBe(false);
    expect(screen.getByText('Can’t be added to groups by you')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove Dave' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove Carol' })).toBeTruthy();
  });
  it('sends the same clientId when Create is pressed again after a failure, and a new one for another group', async () => {
    const create = vi
      .spyOn(api, 'createConversation')
      .mockRejectedValue(new ApiFailure('unavailable', 'try again', { status: 503 }));
    renderWithQueries(<NewGroupView onOpen={vi.fn()} />);
    search();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Carol/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Dave/ }));
    const createGroup = () => fireEvent.click(screen.getByRole('button', { name: 'Create group' }));
    createGroup();
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Create group' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    createGroup();
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    const keys = () => create.mock.calls.map(([body]) => body.clientId);
    expect(keys()[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys()[1]).toBe(keys()[0]);
    // Another group (a title now): another key.
    fireEvent.input(screen.getByLabelText(/Group name/), { target: { value: 'Weekend' } });
    createGroup();
    await waitFor(() => expect(create).toHaveBeenCalledTimes(3));
    expect(keys()[2]).not.toBe(keys()[0]);
  });
});
