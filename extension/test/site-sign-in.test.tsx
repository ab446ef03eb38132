import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiFailure } from '../src/api/http.ts';
import { identityApi } from '../src/api/identity-client.ts';
import { fragmentOf, runProviderFlow, TAB_RETURN_PAGE } from '../src/features/sign-in/provider-flow.ts';
import { SignIn } from '../src/features/sign-in/SignIn.tsx';
import { siteReturnItem } from '../src/features/sign-in/site-return-item.ts';
import { ME } from './fixtures.ts';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/** Chromium's identity API, answering the flow with `final` (the URL the worker redirected to). */
function chromiumIdentity(final: string | Error) {
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT);
  return vi
    .spyOn(fakeBrowser.identity, 'launchWebAuthFlow')
    .mockImplementation(async () => (final instanceof Error ? Promise.reject(final) : final));
}

beforeEach(() => {
  vi.spyOn(identityApi, 'siteStartUrl').mockImplementation(
    async (returnUrl, link) =>
      `http://127.0.0.1:8787/v1/auth/site/start?return=${returnUrl}${link ? `&link=${link}` : ''}`,
  );
});
afterEach(() => vi.restoreAllMocks());

describe('Continue with the site', () => {
  it('comes first on the sign-in screen, before the password form', () => {
    render(<SignIn />);
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons[0]).toBe('Continue with TikTok');
    expect(buttons.indexOf('Sign in')).toBeGreaterThan(0);
  });

  it('signs a returning person in with the code from the return page', async () => {
    const flow = chromiumIdentity(`${REDIRECT}#code=one-time`);
    const exchange = vi.spyOn(identityApi, 'exchangeSiteCode').mockResolvedValue({ me: ME, created: false });
    render(<SignIn />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue with TikTok' }));
    await waitFor(() => expect(exchange).toHaveBeenCalledWith('one-time', undefined));
    expect(flow).toHaveBeenCalledWith({
      url: expect.stringContaining(`return=${REDIRECT}`),
      interactive: true,
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks a first-time person for the birthdate, then sends the same code with it', async () => {
    chromiumIdentity(`${REDIRECT}#code=first-time`);
    const exchange = vi
      .spyOn(identityApi, 'exchangeSiteCode')
      .mockRejectedValueOnce(new ApiFailure('birthdate_required', 'Birthdate needed', { status: 400 }))
      .mockResolvedValueOnce({ me: ME, created: true });
    render(<SignIn />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue with TikTok' }));
    const birthdate = (await screen.findByLabelText('Birthdate', {
      selector: '#site-birthdate',
    })) as HTMLInputElement;
    expect(screen.getByRole('heading', { name: 'One more thing' })).toBeTruthy();
    fireEvent.input(birthdate, { target: { value: '1990-05-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish signing up' }));
    await waitFor(() => expect(exchange).toHaveBeenLastCalledWith('first-time', '1990-05-01'));
  });

  it('refuses a birthdate under 13 before asking the server', async () => {
    chromiumIdentity(`${REDIRECT}#code=kid`);
    const exchange = vi
      .spyOn(identityApi, 'exchangeSiteCode')
      .mockRejectedValue(new ApiFailure('birthdate_required', 'Birthdate needed', { status: 400 }));
    render(<SignIn />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue with TikTok' }));
    const birthdate = await screen.findByLabelText('Birthdate', { selector: '#site-birthdate' });
    const year = new Date().getUTCFullYear() - 10;
    fireEvent.input(birthdate, { target: { value: `${year}-01-01` } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish signing up' }));
    expect(await screen.findByText('You must be at least 13 to create an account.')).toBeTruthy();
    expect(exchange).toHaveBeenCalledTimes(1);
  });

  it('says so when the person denies on the site', async () => {
    chromiumIdentity(`${REDIRECT}#error=access_denied`);
    const exchange = vi.spyOn(identityApi, 'exchangeSiteCode');
    render(<SignIn />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue with TikTok' }));
    expect(await screen.findByText('Sign-in was cancelled on the site.')).toBeTruthy();
    expect(exchange).not.toHaveBeenCalled();
  });

  it('says so when the site does not answer', async () => {
    chromiumIdentity(`${REDIRECT}#error=provider_timeout`);
    render(<SignIn />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue with TikTok' }));
    expect(await screen.findByText('The site did not answer. Try again in a moment.')).toBeTruthy();
  });

  it('says the sign-in was not finished when the window is closed', async () => {
    chromiumIdentity(new Error('The user did not approve access.'));
    render(<SignIn />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue with TikTok' }));
    expect(await screen.findByText('Sign-in was not finished.')).toBeTruthy();
  });
});

describe('runProviderFlow', () => {
  it('reads the fragment of a return URL', () => {
    expect(fragmentOf(`${REDIRECT}#code=a&x=1`).get('code')).toBe('a');
    expect([...fragmentOf(REDIRECT).keys()]).toEqual([]);
  });

  it('uses a tab returning to an extension page where the redirect is not chromiumapp.org', async () => {
    vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue('https://abc.extensions.allizom.org/');
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const flow = runProviderFlow(async (returnUrl) => `http://127.0.0.1:8787/start?return=${returnUrl}`);
    await waitFor(() => expect(created).toHaveBeenCalled());
    const url = String(created.mock.calls[0]?.[0].url);
    expect(url).toContain(`return=${fakeBrowser.runtime.getURL(TAB_RETURN_PAGE)}`);
    // What the return page does when the worker sends the tab there.
    await siteReturnItem.setValue({ fragment: 'code=from-tab', at: Date.now() });
    expect((await flow).get('code')).toBe('from-tab');
  });
});
