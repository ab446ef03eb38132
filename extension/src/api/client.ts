import { sessionItem } from '../browser/storage-items.ts';
import { send, worker } from './http.ts';
import type { operations } from './schema.gen.d.ts';
import { authed, saveAuth } from './session.ts';

/**
 * Every call the extension makes to the worker. Paths, parameters, bodies and answers are typed from
 * the worker's own OpenAPI document (`schema.gen.d.ts`), so a contract change breaks the build here.
 * Views and tests use this object (tests spy on its methods); `http.ts` turns answers into data or one
 * `ApiFailure`, and `session.ts` adds the token and its refresh.
 */

/** The JSON body an operation takes. */
type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? Body
  : never;

/** The query parameters an operation takes. */
type Query<Operation> = Operation extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Box = NonNullable<Query<operations['getV1Conversations']>['box']>;
export type ReportInput = JsonBody<operations['postV1ConversationsByIdReport']>;
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export const api = {
  /** Whether the worker at the stored address answers (the options page checks it after a save). */
  health: () => send((init) => worker.GET('/v1/health', init)),
  async register(body: JsonBody<operations['postV1AuthRegister']>) {
    return (await saveAuth(await send((init) => worker.POST('/v1/auth/register', { ...init, body })))).me;
  },
  async login(handle: string, password: string) {
    const result = await send((init) =>
      worker.POST('/v1/auth/login', { ...init, body: { handle, password } }),
    );
    return (await saveAuth(result)).me;
  },
  /** Ends the login on the server when it can; the local session is cleared either way. */
  async logout(): Promise<void> {
    const session = await sessionItem.getValue();
    await sessionItem.setValue(null);
    if (session) {
      const body = { refreshToken: session.refreshToken };
      await send((init) => worker.POST('/v1/auth/logout', { ...init, body })).catch(() => undefined);
    }
  },
  me: () => authed((init) => worker.GET('/v1/me', init)),
  async deleteAccount(password: string): Promise<void> {
    await authed((init) => worker.DELETE('/v1/me', { ...init, body: { password } }));
    await sessionItem.setValue(null);
  },
  getSettings: () => authed((init) => worker.GET('/v1/me/settings', init)),
  patchSettings: (body: JsonBody<operations['patchV1MeSettings']>) =>
    authed((init) => worker.PATCH('/v1/me/settings', { ...init, body })),

  searchUsers: async (q: string) =>
    (await authed((init) => worker.GET('/v1/users', { ...init, params: { query: { q } } }))).users,
  getUser: (handle: string) =>
    authed((init) => worker.GET('/v1/users/{handle}', { ...init, params: { path: { handle } } })),
  follow: (handle: string) =>
    authed((init) => worker.PUT('/v1/users/{handle}/follow', { ...init, params: { path: { handle } } })),
  unfollow: (handle: string) =>
    authed((init) => worker.DELETE('/v1/users/{handle}/follow', { ...init, params: { path: { handle } } })),
  block: (handle: string) =>
    authed((init) => worker.PUT('/v1/users/{handle}/block', { ...init, params: { path: { handle } } })),
  unblock: (handle: string) =>
    authed((init) => worker.DELETE('/v1/users/{handle}/block', { ...init, params: { path: { handle } } })),
  async listBlocks(cursor?: string) {
    const page = await authed((init) =>
      worker.GET('/v1/me/blocks', { ...init, params: { query: { cursor } } }),
    );
    return { items: page.users, cursor: page.cursor };
  },
  syncContacts: (hashes: string[]) =>
    authed((init) => worker.PUT('/v1/me/contacts', { ...init, body: { hashes } })),
  removeContacts: () => authed((init) => worker.DELETE('/v1/me/contacts', init)),
  suggested: async () => (await authed((init) => worker.GET('/v1/me/suggested', init))).users,

  async listConversations(box: Box, cursor?: string) {
    const page = await authed((init) =>
      worker.GET('/v1/conversations', { ...init, params: { query: { box, cursor } } }),
    );
    return { items: page.conversations, cursor: page.cursor };
  },
  unread: () => authed((init) => worker.GET('/v1/me/unread', init)),
  createConversation: (body: JsonBody<operations['postV1Conversations']>) =>
    authed((init) => worker.POST('/v1/conversations', { ...init, body })),
  getConversation: (id: string) =>
    authed((init) => worker.GET('/v1/conversations/{id}', { ...init, params: { path: { id } } })),
  accept: (id: string) =>
    authed((init) => worker.POST('/v1/conversations/{id}/accept', { ...init, params: { path: { id } } })),
  decline: (id: string) =>
    authed((init) => worker.POST('/v1/conversations/{id}/decline', { ...init, params: { path: { id } } })),
  report: (id: string, body: ReportInput) =>
    authed((init) =>
      worker.POST('/v1/conversations/{id}/report', { ...init, params: { path: { id } }, body }),
    ),
  markRead: (id: string, seq: number) =>
    authed((init) =>
      worker.POST('/v1/conversations/{id}/read', { ...init, params: { path: { id } }, body: { seq } }),
    ),
  mute: (id: string) =>
    authed((init) => worker.PUT('/v1/conversations/{id}/mute', { ...init, params: { path: { id } } })),
  unmute: (id: string) =>
    authed((init) => worker.DELETE('/v1/conversations/{id}/mute', { ...init, params: { path: { id } } })),
  leave: (id: string) =>
    authed((init) => worker.POST('/v1/conversations/{id}/leave', { ...init, params: { path: { id } } })),
  renameGroup: (id: string, title: string) =>
    authed((init) =>
      worker.PATCH('/v1/conversations/{id}', { ...init, params: { path: { id } }, body: { title } }),
    ),
  addMembers: (id: string, handles: string[]) =>
    authed((init) =>
      worker.POST('/v1/conversations/{id}/members', { ...init, params: { path: { id } }, body: { handles } }),
    ),
  removeMember: (id: string, handle: string) =>
    authed((init) =>
      worker.DELETE('/v1/conversations/{id}/members/{handle}', { ...init, params: { path: { id, handle } } }),
    ),

  listMessages: (id: string, query: Query<operations['getV1ConversationsByIdMessages']> = {}) =>
    authed((init) =>
      worker.GET('/v1/conversations/{id}/messages', { ...init, params: { path: { id }, query } }),
    ),
  sendMessage: (id: string, body: JsonBody<operations['postV1ConversationsByIdMessages']>) =>
    authed((init) =>
      worker.POST('/v1/conversations/{id}/messages', { ...init, params: { path: { id } }, body }),
    ),
  typing: (id: string) =>
    authed((init) => worker.POST('/v1/conversations/{id}/typing', { ...init, params: { path: { id } } })),
  unsend: (messageId: string) =>
    authed((init) => worker.DELETE('/v1/messages/{id}', { ...init, params: { path: { id: messageId } } })),
  hide: (messageId: string) =>
    authed((init) => worker.POST('/v1/messages/{id}/hide', { ...init, params: { path: { id: messageId } } })),
  react: (messageId: string, emoji: string) =>
    authed((init) =>
      worker.PUT('/v1/messages/{id}/reaction', {
        ...init,
        params: { path: { id: messageId } },
        body: { emoji },
      }),
    ),
  unreact: (messageId: string) =>
    authed((init) =>
      worker.DELETE('/v1/messages/{id}/reaction', { ...init, params: { path: { id: messageId } } }),
    ),

  streamTicket: async () => (await authed((init) => worker.POST('/v1/stream/ticket', init))).ticket,
};
