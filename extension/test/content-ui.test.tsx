import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundRequest } from '../src/background/content-requests.ts';
import { sendToBackground } from '../src/background/content-requests.ts';
import { setAccount } from '../src/site/account.ts';
import { MessageButton } from '../src/site/MessageButton.tsx';
import { PrivacyChip } from '../src/site/PrivacyChip.tsx';
import { ShareButton } from '../src/site/ShareButton.tsx';
import { ME, user } from './fixtures.ts';

vi.mock('../src/background/content-requests.ts', () => ({ sendToBackground: vi.fn() }));
// The real signature is generic per request type; the tests answer with plain objects.
const send = vi.mocked(sendToBackground as (request: BackgroundRequest) => Promise<unknown>);

beforeEach(() => setAccount({ status: 'loading' }));
afterEach(() => vi.resetAllMocks());

describe('ShareButton', () => {
  it('hands the video to the background', async () => {
    send.mockResolvedValue({ ok: true });
    render(<ShareButton videoUrl="https://www.tiktok.com/@bob/video/7300000000000000002" />);
    fireEvent.click(screen.getByRole('button', { name: 'Send in DM' }));
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith({
        type: 'clipdm:share-video',
        url: 'https://www.tiktok.com/@bob/video/7300000000000000002',
      }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the extension cannot answer', async () => {
    send.mockRejectedValue(new Error('Extension context invalidated.'));
    render(<ShareButton videoUrl="https://www.tiktok.com/@bob/video/1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Send in DM' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "ClipDM can't reach its server. Check your connection.",
    );
  });
});

describe('MessageButton', () => {
  it('is disabled, with the reason, when the person does not take messages from you', async () => {
    send.mockResolvedValue({ ok: true, user: user('bob', { canMessage: false, verified: true }) });
    render(<MessageButton handle="bob" />);
    expect(await screen.findByText("@bob doesn't accept messages from you.")).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Message' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says when the person has no ClipDM account', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'not_found', message: 'No such user' } });
    render(<MessageButton handle="ghost" />);
    expect(await screen.findByText("@ghost isn't on ClipDM yet.")).toBeTruthy();
  });

  it('says the person is not on ClipDM yet when only an unverified account holds the handle', async () => {
    send.mockResolvedValue({ ok: true, user: user('famous', { verified: false, canMessage: true }) });
    render(<MessageButton handle="famous" />);
    expect(await screen.findByText("@famous isn't on ClipDM yet.")).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Message' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('opens the conversation with that person when allowed', async () => {
    send.mockImplementation(async (request) =>
      request.type === 'clipdm:get-user' ? { ok: true, user: user('bob', { verified: true }) } : { ok: true },
    );
    render(<MessageButton handle="bob" />);
    const button = screen.getByRole('button', { name: 'Message' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith({ type: 'clipdm:open-conversation-with', handle: 'bob' }),
    );
  });

  it('is not shown on your own profile', async () => {
    send.mockResolvedValue({ ok: true, user: user('me') });
    setAccount({ status: 'ready', me: ME, settings: { dmPolicy: 'friends', readReceipts: true } });
    const { container } = render(<MessageButton handle="me" />);
    expect(container.querySelector('button')).toBeNull();
  });
});

describe('PrivacyChip', () => {
  it('asks to sign in when signed out', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'signed_out', message: 'Signed out' } });
    setAccount({ status: 'signed_out' });
    render(<PrivacyChip />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to ClipDM' }));
    expect(await screen.findByText('Open ClipDM from the toolbar button to sign in.')).toBeTruthy();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('offers only what the age allows, and changes the policy in one pick', async () => {
    const teen = { ...ME, ageGroup: '16-17' as const, birthdate: '2009-06-01' };
    setAccount({ status: 'ready', me: teen, settings: { dmPolicy: 'friends', readReceipts: true } });
    send.mockResolvedValue({ ok: true, settings: { dmPolicy: 'no_one', readReceipts: true } });
    render(<PrivacyChip />);
    fireEvent.click(screen.getByRole('button', { name: 'DMs: Mutual friends' }));
    const item = (name: RegExp) => screen.getByRole('menuitemradio', { name }) as HTMLButtonElement;
    expect(item(/^Everyone/).disabled).toBe(true);
    expect(item(/^Suggested friends/).disabled).toBe(true);
    expect(item(/^Everyone/).textContent).toContain('Not available at your age');
    expect(item(/^Mutual friends/).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(item(/^No one/));
    await screen.findByRole('button', { name: 'DMs: No one' });
    expect(send).toHaveBeenCalledWith({ type: 'clipdm:set-policy', dmPolicy: 'no_one' });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('keeps the old policy and says why when the change is refused', async () => {
    setAccount({ status: 'ready', me: ME, settings: { dmPolicy: 'friends', readReceipts: true } });
    send.mockResolvedValue({ ok: false, error: { code: 'offline', message: 'offline' } });
    render(<PrivacyChip />);
    fireEvent.click(screen.getByRole('button', { name: 'DMs: Mutual friends' }));
    fireEvent.click(screen.getByRole('menuitemradio', { name: /^Everyone/ }));
    expect(await screen.findByText("ClipDM can't reach its server. Check your connection.")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'DMs: Mutual friends' })).toBeTruthy();
  });
});
