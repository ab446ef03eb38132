import type { Browser } from 'wxt/browser';
import { api } from '../api/client.ts';
import { ApiFailure } from '../api/http.ts';
import { pendingOpenItem, pendingShareItem } from '../browser/storage-items.ts';
import type { BackgroundRequest, BackgroundResponses, Failure } from './content-requests.ts';
import { openPanel } from './open-panel.ts';

function failure(error: unknown): Failure {
  if (error instanceof ApiFailure) return { ok: false, error: { code: error.code, message: error.message } };
  return { ok: false, error: { code: 'internal', message: 'Something went wrong' } };
}

/** Answers one content-script request; API errors come back as `{ ok: false, error }`. */
export async function handleRequest(
  request: BackgroundRequest,
  sender: Browser.runtime.MessageSender,
): Promise<BackgroundResponses[BackgroundRequest['type']]> {
  try {
    switch (request.type) {
      case 'clipdm:share-video': {
        // Open first: the browser allows it only while the user's click is still "current".
        const opening = openPanel({ tabId: sender.tab?.id, windowId: sender.tab?.windowId });
        await pendingShareItem.setValue({ url: request.url, at: Date.now() });
        await opening;
        return { ok: true };
      }
      case 'clipdm:open-conversation-with': {
        const opening = openPanel({ tabId: sender.tab?.id, windowId: sender.tab?.windowId });
        // From a site profile, only the verified owner of the handle: anyone may have typed it at sign-up.
        const owner = await api.getUser(request.handle);
        if (!owner.verified) {
          await opening;
          return failure(new ApiFailure('not_found', 'No verified owner of this handle'));
        }
        await pendingOpenItem.setValue({ handle: request.handle, at: Date.now() });
        await opening;
        return { ok: true };
      }
      case 'clipdm:get-user':
        return { ok: true, user: await api.getUser(request.handle) };
      case 'clipdm:get-settings': {
        const [settings, me] = await Promise.all([api.getSettings(), api.me()]);
        return { ok: true, settings, me };
      }
      case 'clipdm:set-policy':
        return { ok: true, settings: await api.patchSettings({ dmPolicy: request.dmPolicy }) };
    }
  } catch (error) {
    return failure(error);
  }
}
