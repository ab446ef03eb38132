import type { AgeGroup } from '@clipdm/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { identityApi } from '../src/api/identity-client.ts';
import { PrivacySetting } from '../src/features/settings/PrivacySetting.tsx';
import { SettingsView } from '../src/features/settings/SettingsView.tsx';
import { ME } from './fixtures.ts';
import { renderWithQueries } from './render-with-queries.tsx';

// The identity sections of the settings (phone and email, suggested friends, Facebook) load their own data.
beforeEach(() => {
  vi.spyOn(identityApi, 'identifiers').mockResolvedValue([]);
  vi.spyOn(identityApi, 'facebookLinked').mockResolvedValue(false);
  vi.spyOn(api, 'suggested').mockResolvedValue([]);
});
afterEach(() => vi.restoreAllMocks());

function radios(ageGroup: AgeGroup, value: 'everyone' | 'friends' | 'no_one' = 'no_one') {
  render(<PrivacySetting value={value} ageGroup={ageGroup} onChange={vi.fn()} />);
  const group = screen.getByRole('radiogroup', { name: 'Who can send you direct messages' });
  const state = (label: string) =>
    (screen.getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement).disabled;
  return { group, state };
}

describe('PrivacySetting age rules', () => {
  it('lets adults choose any policy', () => {
    const { state } = radios('adult');
    expect(['Everyone', 'Suggested friends', 'Mutual friends', 'No one'].map(state)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(screen.queryByText(/Not available at your age/)).toBeNull();
  });

  it('offers 16–17-year-olds only Mutual friends and No one; the rest stay visible, disabled, with the reason', () => {
    const { state } = radios('16-17', 'friends');
    expect(['Everyone', 'Suggested friends', 'Mutual friends', 'No one'].map(state)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(screen.getAllByText(/Not available at your age/)).toHaveLength(2);
    expect(screen.getByText('Under 18 you can choose Mutual friends or No one.')).toBeTruthy();
  });

  it('leaves 13–15-year-olds only No one and says DMs are unavailable', () => {
    const { state } = radios('13-15');
    expect(['Everyone', 'Suggested friends', 'Mutual friends', 'No one'].map(state)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(screen.getByText('Direct messages are not available under 16.')).toBeTruthy();
  });

  it('explains each option in one line', () => {
    radios('adult');
    expect(screen.getByText(/Only people you follow who follow you back/)).toBeTruthy();
    expect(screen.getByText(/Nobody can message you/)).toBeTruthy();
  });
});

describe('SettingsView', () => {
  it('saves a new policy and shows the server answer', async () => {
    vi.spyOn(api, 'getSettings').mockResolvedValue({ dmPolicy: 'friends', readReceipts: true });
    vi.spyOn(api, 'listBlocks').mockResolvedValue({ items: [], cursor: null });
    const patch = vi
      .spyOn(api, 'patchSettings')
      .mockResolvedValue({ dmPolicy: 'everyone', readReceipts: true });
    renderWithQueries(<SettingsView me={ME} />);
    fireEvent.click(await screen.findByLabelText(/^Everyone/));
    await screen.findByText('Saved.');
    expect(patch).toHaveBeenCalledWith({ dmPolicy: 'everyone' });
    expect((screen.getByLabelText(/^Everyone/) as HTMLInputElement).checked).toBe(true);
  });

  it('shows the age refusal and keeps the old value', async () => {
    vi.spyOn(api, 'getSettings').mockResolvedValue({ dmPolicy: 'friends', readReceipts: false });
    vi.spyOn(api, 'listBlocks').mockResolvedValue({ items: [], cursor: null });
    vi.spyOn(api, 'patchSettings').mockRejectedValue(new ApiFailure('age_restricted', 'no'));
    renderWithQueries(<SettingsView me={ME} />);
    fireEvent.click(await screen.findByLabelText(/^Read receipts/));
    expect((await screen.findByRole('alert')).textContent).toBe('That is not available at your age.');
    await waitFor(() =>
      expect((screen.getByLabelText(/^Read receipts/) as HTMLInputElement).checked).toBe(false),
    );
    expect((screen.getByLabelText(/^Mutual friends/) as HTMLInputElement).checked).toBe(true);
  });
});
