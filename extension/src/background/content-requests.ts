import type { DmPolicy, Me, Settings, User } from '@clipdm/shared';
import { browser } from 'wxt/browser';
import type { ClientErrorCode } from '../api/http.ts';

/** Messages the content script sends to the background (see the extension contract). */
export type BackgroundRequest =
  | { type: 'clipdm:share-video'; url: string }
  | { type: 'clipdm:open-conversation-with'; handle: string }
  | { type: 'clipdm:get-user'; handle: string }
  | { type: 'clipdm:get-settings' }
  | { type: 'clipdm:set-policy'; dmPolicy: DmPolicy };

export interface Failure {
  ok: false;
  error: { code: ClientErrorCode; message: string };
}

/** The answer to each request type; every answer is JSON-serialisable. */
export interface BackgroundResponses {
  'clipdm:share-video': { ok: true } | Failure;
  'clipdm:open-conversation-with': { ok: true } | Failure;
  'clipdm:get-user': { ok: true; user: User } | Failure;
  'clipdm:get-settings': { ok: true; settings: Settings; me: Me } | Failure;
  'clipdm:set-policy': { ok: true; settings: Settings } | Failure;
}

export type ResponseFor<R extends BackgroundRequest> = BackgroundResponses[R['type']];

/** True when a runtime message is one of ours (anything else is ignored by the background). */
export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('clipdm:')
  );
}

/** Sends a request to the background and waits for its typed answer. */
export function sendToBackground<R extends BackgroundRequest>(request: R): Promise<ResponseFor<R>> {
  return browser.runtime.sendMessage(request) as Promise<ResponseFor<R>>;
}
