import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { identityApi } from '../src/api/identity-client.ts';
import { pendingOpenItem, sessionItem } from '../src/browser/storage-items.ts';
import { FacebookLink } from '../src/features/settings/FacebookLink.tsx';
import { IdentifiersSection } from '../src/features/settings/IdentifiersSection.tsx';
import { SiteLinkSection } from '../src/features/settings/SiteLinkSection.tsx';
import { SuggestedFriends } from '../src/features/settings/SuggestedFriends.tsx';
import { ME, signIn, user } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const EMAIL = {
  id: 'i-1',
  kind: 'email' as const,
  hint: 'm•••@example.com',
  verifiedAt: '2026-11-29T10:00:00.000Z',
};

function chromiumIdentity(final: string) {
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT);
  return vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockResolvedValue(final);
}

beforeEach(signIn);
afterEach(() => vi.restoreAllMocks());

describe('Your phone and email', () => {
  it('adds an email confirmed with the code it was sent', async () => {
    const list = vi.spyOn(identityApi, 'identifiers').mockResolvedValueOnce([]).mockResolvedValue([EMAIL]);
    const send = vi.spyOn(identityApi, 'sendIdentifierCode').mockResolvedValue(undefined);
    const confirm = vi.spyOn(identityApi, 'confirmIdentifier').mockResolvedValue(EMAIL);
    renderWithQueries(<IdentifiersSection />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'me@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('We sent a 6-digit code to me@example.com.')).toBeTruthy();
    expect(send).toHaveBeenCalledWith('email', 'me@example.com');
    fireEvent.input(screen.getByLabelText('6-digit code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('m•••@example.com')).toBeTruthy();
    expect(confirm).toHaveBeenCalledWith('email', 'me@example.com', '123456');
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('says when the code is wrong, and keeps the code form', async () => {
    vi.spyOn(identityApi, 'identifiers').mockResolvedValue([]);
    vi.spyOn(identityApi, 'sendIdentifierCode').mockResolvedValue(undefined);
    vi.spyOn(identityApi, 'confirmIdentifier').mockRejectedValue(
      new ApiFailure('invalid_request', 'Wrong or expired code', { status: 400 }),
    );
    renderWithQueries(<IdentifiersSection />);
    fireEvent.change(screen.getByLabelText('Add'), { target: { value: 'phone' } });
    fireEvent.input(screen.getByLabelText('Phone, with country code (+31612345678)'), {
      target: { value: '+31612345678' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    fireEvent.input(await screen.findByLabelText('6-digit code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('That code is wrong or has expired.')).toBeTruthy();
    expect(screen.getByLabelText('6-digit code')).toBeTruthy();
  });

  it('checks the address and the code before asking the server', async () => {
    vi.spyOn(identityApi, 'identifiers').mockResolvedValue([]);
    const send = vi.spyOn(identityApi, 'sendIdentifierCode');
    renderWithQueries(<IdentifiersSection />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'me@localhost' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('Enter an email address.')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('removes one', async () => {
    vi.spyOn(identityApi, 'identifiers').mockResolvedValueOnce([EMAIL]).mockResolvedValue([]);
    const remove = vi.spyOn(identityApi, 'removeIdentifier').mockResolvedValue(undefined);
    renderWithQueries(<IdentifiersSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove m•••@example.com' }));
    await waitFor(() => expect(screen.queryByText('m•••@example.com')).toBeNull());
    expect(remove).toHaveBeenCalledWith('i-1');
  });
});

describe('Suggested friends', () => {
  it('lists them with the verified mark, a follow button and a message button', async () => {
    vi.spyOn(api, 'suggested').mockResolvedValue([
      user('vera', { verified: true }),
      user('ulla', { verified: false, youFollow: true }),
    ]);
    const follow = vi.spyOn(api, 'follow').mockResolvedValue(undefined);
    renderWithQueries(<SuggestedFriends />);
    const vera = (await screen.findByText('Vera')).closest('li') as HTMLElement;
    const ulla = screen.getByText('Ulla').closest('li') as HTMLElement;
    expect(within(vera).getByRole('img', { name: 'Verified TikTok account' })).toBeTruthy();
    expect(within(ulla).queryByRole('img', { name: 'Verified TikTok account' })).toBeNull();
    expect(within(ulla).queryByRole('button', { name: 'Follow' })).toBeNull();
    fireEvent.click(within(vera).getByRole('button', { name: 'Follow' }));
    await waitFor(() => expect(within(vera).queryByRole('button', { name: 'Follow' })).toBeNull());
    expect(follow).toHaveBeenCalledWith('vera');
    fireEvent.click(within(vera).getByRole('button', { name: 'Message' }));
    await waitFor(async () => expect(await pendingOpenItem.getValue()).toMatchObject({ handle: 'vera' }));
  });

  it('says how to find some when there are none', async () => {
    vi.spyOn(api, 'suggested').mockResolvedValue([]);
    renderWithQueries(<SuggestedFriends />);
    expect(await screen.findByText('Nobody yet. Sync your contacts or link Facebook.')).toBeTruthy();
  });
});

describe('Link your site account', () => {
  it('links a password account and shows the verified handle', async () => {
    vi.spyOn(identityApi, 'siteLinkTicket').mockResolvedValue('ticket-1');
    const start = vi
      .spyOn(identityApi, 'siteStartUrl')
      .mockResolvedValue('http://127.0.0.1:8787/v1/auth/site/start');
    chromiumIdentity(`${REDIRECT}#link_code=lc-1`);
    const linked = { ...ME, handle: 'me.on.site', verified: true };
    const confirm = vi.spyOn(identityApi, 'confirmSiteLink').mockResolvedValue(linked);
    vi.spyOn(api, 'me').mockResolvedValue(linked);
    renderWithQueries(<SiteLinkSection me={ME} />);
    fireEvent.click(screen.getByRole('button', { name: 'Link your TikTok account' }));
    await waitFor(async () => expect((await sessionItem.getValue())?.me).toEqual(linked));
    expect(start).toHaveBeenCalledWith(REDIRECT, 'ticket-1');
    expect(confirm).toHaveBeenCalledWith('lc-1');
  });

  it('says when the site account belongs to another ClipDM account', async () => {
    vi.spyOn(identityApi, 'siteLinkTicket').mockResolvedValue('ticket-1');
    chromiumIdentity(`${REDIRECT}#error=already_linked`);
    renderWithQueries(<SiteLinkSection me={ME} />);
    fireEvent.click(screen.getByRole('button', { name: 'Link your TikTok account' }));
    expect(await screen.findByText('That account is already linked to another ClipDM account.')).toBeTruthy();
  });

  it('shows a verified account as linked, with no button', () => {
    renderWithQueries(<SiteLinkSection me={{ ...ME, verified: true }} />);
    expect(screen.getByText('Linked to TikTok: @me is verified.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('Link Facebook', () => {
  it('links, then offers to unlink, refreshing the suggested friends', async () => {
    vi.spyOn(identityApi, 'facebookLinked').mockResolvedValueOnce(false).mockResolvedValue(true);
    vi.spyOn(identityApi, 'facebookLinkTicket').mockResolvedValue('fb-ticket');
    vi.spyOn(identityApi, 'facebookStartUrl').mockResolvedValue(
      'http://127.0.0.1:8787/v1/auth/facebook/start',
    );
    const flow = chromiumIdentity(`${REDIRECT}#link_code=fb-code`);
    const confirm = vi.spyOn(identityApi, 'confirmFacebookLink').mockResolvedValue({ linked: true });
    const unlink = vi.spyOn(identityApi, 'unlinkFacebook').mockResolvedValue(undefined);
    renderWithQueries(<FacebookLink />);
    const link = (await screen.findByRole('button', { name: 'Link Facebook' })) as HTMLButtonElement;
    await waitFor(() => expect(link.disabled).toBe(false));
    fireEvent.click(link);
    fireEvent.click(await screen.findByRole('button', { name: 'Unlink Facebook' }));
    await waitFor(() => expect(unlink).toHaveBeenCalled());
    expect(flow).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledWith('fb-code');
  });

  it('says so when the person cancels on Facebook', async () => {
    vi.spyOn(identityApi, 'facebookLinked').mockResolvedValue(false);
    vi.spyOn(identityApi, 'facebookLinkTicket').mockResolvedValue('fb-ticket');
    vi.spyOn(identityApi, 'facebookStartUrl').mockResolvedValue(
      'http://127.0.0.1:8787/v1/auth/facebook/start',
    );
    chromiumIdentity(`${REDIRECT}#error=access_denied`);
    renderWithQueries(<FacebookLink />);
    const link = (await screen.findByRole('button', { name: 'Link Facebook' })) as HTMLButtonElement;
    await waitFor(() => expect(link.disabled).toBe(false));
    fireEvent.click(link);
    expect(await screen.findByText('Sign-in was cancelled on the site.')).toBeTruthy();
  });
});
