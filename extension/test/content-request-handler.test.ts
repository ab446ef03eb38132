import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { api } from '../src/api/client.ts';
import { ApiFailure } from '../src/api/http.ts';
import { handleRequest } from '../src/background/content-request-handler.ts';
import { pendingOpenItem, pendingShareItem } from '../src/browser/storage-items.ts';
import { ME, user } from './fixtures.ts';

const fromTab = { tab: { id: 7, windowId: 1 } } as Parameters<typeof handleRequest>[1];

afterEach(() => vi.restoreAllMocks());

describe('background requests from the content script', () => {
  it('answers get-user with the user, canMessage included', async () => {
    vi.spyOn(api, 'getUser').mockResolvedValue(user('alice', { canMessage: false }));
    expect(await handleRequest({ type: 'clipdm:get-user', handle: 'alice' }, fromTab)).toEqual({
      ok: true,
      user: expect.objectContaining({ handle: 'alice', canMessage: false }),
    });
  });

  it('answers API errors with the error code, and signed_out when nobody is signed in', async () => {
    vi.spyOn(api, 'getUser').mockRejectedValue(new ApiFailure('not_found', 'No such user'));
    expect(await handleRequest({ type: 'clipdm:get-user', handle: 'ghost' }, fromTab)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such user' },
    });
    vi.restoreAllMocks();
    expect(await handleRequest({ type: 'clipdm:get-settings' }, fromTab)).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
  });

  it('returns settings and me, and sets the policy', async () => {
    vi.spyOn(api, 'getSettings').mockResolvedValue({ dmPolicy: 'friends', readReceipts: true });
    vi.spyOn(api, 'me').mockResolvedValue(ME);
    const patch = vi
      .spyOn(api, 'patchSettings')
      .mockResolvedValue({ dmPolicy: 'no_one', readReceipts: true });
    expect(await handleRequest({ type: 'clipdm:get-settings' }, fromTab)).toEqual({
      ok: true,
      settings: { dmPolicy: 'friends', readReceipts: true },
      me: ME,
    });
    expect(await handleRequest({ type: 'clipdm:set-policy', dmPolicy: 'no_one' }, fromTab)).toEqual({
      ok: true,
      settings: { dmPolicy: 'no_one', readReceipts: true },
    });
    expect(patch).toHaveBeenCalledWith({ dmPolicy: 'no_one' });
  });

  it('stores a shared video and an open-conversation intent for the panel, and opens it', async () => {
    const url = 'https://www.tiktok.com/@a/video/1';
    expect(await handleRequest({ type: 'clipdm:share-video', url }, fromTab)).toEqual({ ok: true });
    expect(await pendingShareItem.getValue()).toMatchObject({ url });
    vi.spyOn(api, 'getUser').mockResolvedValue(user('alice', { verified: true }));
    expect(await handleRequest({ type: 'clipdm:open-conversation-with', handle: 'alice' }, fromTab)).toEqual({
      ok: true,
    });
    expect(await pendingOpenItem.getValue()).toMatchObject({ handle: 'alice' });
    // The fake browser has no side panel, so the panel page opened in a tab instead.
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.some((tab) => tab.url?.endsWith('/sidepanel.html'))).toBe(true);
  });

  it('opens no conversation with an account that did not prove the handle', async () => {
    vi.spyOn(api, 'getUser').mockResolvedValue(user('famous', { verified: false }));
    expect(
      await handleRequest({ type: 'clipdm:open-conversation-with', handle: 'famous' }, fromTab),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await pendingOpenItem.getValue()).toBeNull();
  });
});
