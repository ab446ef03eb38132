/** Direct calls to the suite's worker, for arranging what a flow needs and checking what the API holds. */

export interface Session {
  handle: string;
  token: string;
}

export class Api {
  readonly baseUrl: string;
  readonly #adminToken: string;

  constructor(baseUrl: string, adminToken: string) {
    this.baseUrl = baseUrl;
    this.#adminToken = adminToken;
  }

  async call<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async register(handle: string, password: string, displayName?: string): Promise<Session> {
    const body = { handle, password, birthdate: '1990-04-12', ...(displayName ? { displayName } : {}) };
    const result = await this.call<{ accessToken: string }>('POST', '/v1/auth/register', { body });
    return { handle, token: result.accessToken };
  }

  async login(handle: string, password: string): Promise<Session> {
    const result = await this.call<{ accessToken: string }>('POST', '/v1/auth/login', {
      body: { handle, password },
    });
    return { handle, token: result.accessToken };
  }

  follow(who: Session, handle: string) {
    return this.call('PUT', `/v1/users/${handle}/follow`, { token: who.token });
  }

  async befriend(a: Session, b: Session) {
    await this.follow(a, b.handle);
    await this.follow(b, a.handle);
  }

  setPolicy(who: Session, dmPolicy: string) {
    return this.call('PATCH', '/v1/me/settings', { token: who.token, body: { dmPolicy } });
  }

  async directConversation(who: Session, handle: string): Promise<string> {
    const result = await this.call<{ id: string }>('POST', '/v1/conversations', {
      token: who.token,
      body: { members: [handle] },
    });
    return result.id;
  }

  sendText(who: Session, conversationId: string, text: string) {
    return this.call<{ id: string; seq: number }>('POST', `/v1/conversations/${conversationId}/messages`, {
      token: who.token,
      body: { clientId: `e2e-${Math.random().toString(36).slice(2)}`, text },
    });
  }

  async messages(who: Session, conversationId: string) {
    const result = await this.call<{ messages: MessageView[] }>(
      'GET',
      `/v1/conversations/${conversationId}/messages?limit=100`,
      { token: who.token },
    );
    return result.messages;
  }

  async conversations(who: Session, box: 'inbox' | 'requests') {
    const result = await this.call<{
      conversations: { id: string; title: string | null; kind: string; members: { handle: string }[] }[];
    }>('GET', `/v1/conversations?box=${box}`, { token: who.token });
    return result.conversations;
  }

  async openReports() {
    const response = await fetch(`${this.baseUrl}/v1/admin/reports?status=open`, {
      headers: { authorization: `Bearer ${this.#adminToken}` },
    });
    if (!response.ok) throw new Error(`GET /v1/admin/reports → ${response.status} ${await response.text()}`);
    return (await response.json()) as { reports: Record<string, unknown>[] };
  }
}

export interface MessageView {
  id: string;
  seq: number;
  kind: 'text' | 'video';
  text: string | null;
  video: { url: string; videoId: string } | null;
  sender: { handle: string };
  reactions: { emoji: string; count: number }[];
  unsentAt: string | null;
}
