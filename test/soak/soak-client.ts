import { Http, type Tally } from './http.ts';

export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  clientId?: string | null;
}

interface ConversationRow {
  id: string;
  kind: 'direct' | 'group';
  status: 'accepted' | 'request';
  members: { handle: string; role: 'owner' | 'member' }[];
}

/** What one client has seen of a conversation: every message by seq, and the seq up to which it has them all. */
interface ConversationView {
  synced: number;
  messages: Map<number, string>;
}

/** A message the server acknowledged (200 or 201) to this client, to find once and only once in D1 later. */
export interface Acked {
  conversationId: string;
  id: string;
  clientId: string;
  handle: string;
}

export const PASSWORD = 'soak-password-123';

/**
 * One person using ClipDM the way the extension does: a live socket that delivers messages, catch-up with
 * `messages?after=` whenever the socket (re)opens, and the usual actions. Its view is what a client would
 * render; the run compares it with the server's at the end.
 */
export class SoakClient {
  readonly http: Http;
  readonly views = new Map<string, ConversationView>();
  readonly acked: Acked[] = [];
  /** Two different messages seen under one seq: recorded here, as live events arrive outside any await. */
  readonly conflicts: string[] = [];
  conversations = new Map<string, ConversationRow>();
  socket: WebSocket | null = null;
  liveEvents = 0;
  reconnects = 0;
  readonly handle: string;
  private sent = 0;

  constructor(handle: string, baseUrl: string, tally: Tally) {
    this.handle = handle;
    this.http = new Http(baseUrl, tally);
  }

  async register(): Promise<void> {
    const result = await this.http.ok<{ accessToken: string }>('POST', '/v1/auth/register', {
      handle: this.handle,
      password: PASSWORD,
      birthdate: '1990-04-12',
    });
    this.http.token = result.accessToken;
  }

  private view(conversationId: string): ConversationView {
    let view = this.views.get(conversationId);
    if (!view) {
      view = { synced: 0, messages: new Map() };
      this.views.set(conversationId, view);
    }
    return view;
  }

  /** Records a message and moves `synced` over every seq now held without a gap. */
  private see(message: MessageRow): void {
    const view = this.view(message.conversationId);
    const known = view.messages.get(message.seq);
    if (known && known !== message.id) {
      this.conflicts.push(
        `${this.handle}: seq ${message.seq} of ${message.conversationId} is ${known} and ${message.id}`,
      );
      return;
    }
    view.messages.set(message.seq, message.id);
  }

  /** Opens the live socket (ticket first, as browsers cannot send headers on a WebSocket); resolves once open. */
  async connect(): Promise<void> {
    const { ticket } = await this.http.ok<{ ticket: string }>('POST', '/v1/stream/ticket');
    const url = `${this.http.baseUrl.replace(/^http/, 'ws')}/v1/stream?ticket=${encodeURIComponent(ticket)}`;
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`${this.handle}: socket failed to open`)), {
        once: true,
      });
    });
    socket.addEventListener('message', (event) => {
      const data = JSON.parse(String(event.data)) as { type: string; message?: MessageRow };
      if (data.type === 'message' && data.message) {
        this.liveEvents += 1;
        this.see(data.message);
      }
    });
    socket.addEventListener('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    this.socket = socket;
    await this.catchUp();
  }

  /** Drops the socket as a flaky network would, then reconnects after `pauseMs` and catches up. */
  async dropAndReconnect(pauseMs: number): Promise<void> {
    this.socket?.close();
    this.socket = null;
    await new Promise((r) => setTimeout(r, pauseMs));
    this.reconnects += 1;
    await this.connect();
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }

  async refreshConversations(): Promise<void> {
    const next = new Map<string, ConversationRow>();
    for (const box of ['inbox', 'requests']) {
      let cursor: string | null = null;
      do {
        const query: string = `box=${box}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page: { conversations: ConversationRow[]; cursor: string | null } = await this.http.ok(
          'GET',
          `/v1/conversations?${query}`,
        );
        for (const conversation of page.conversations) next.set(conversation.id, conversation);
        cursor = page.cursor;
      } while (cursor);
    }
    this.conversations = next;
  }

  /** Every message after `after` in one conversation, page by page; `null` when the caller may not read it. */
  async readAfter(conversationId: string, after: number): Promise<MessageRow[] | null> {
    const rows: MessageRow[] = [];
    for (;;) {
      const last = rows.at(-1)?.seq ?? after;
      const reply = await this.http.call<{ messages: MessageRow[]; hasMore: boolean }>(
        'GET',
        `/v1/conversations/${conversationId}/messages?after=${last}&limit=100`,
      );
      if (reply.status === 404) return null;
      if (reply.status !== 200) throw new Error(`read ${conversationId} → ${reply.status}`);
      rows.push(...reply.body.messages);
      if (!reply.body.hasMore || reply.body.messages.length === 0) return rows;
    }
  }

  /** What a reconnecting client does: list its conversations and fetch what came after what it holds. */
  async catchUp(): Promise<void> {
    await this.refreshConversations();
    for (const id of new Set([...this.conversations.keys(), ...this.views.keys()])) {
      const view = this.view(id);
      const rows = await this.readAfter(id, view.synced);
      if (rows === null) continue;
      for (const row of rows) this.see(row);
      view.synced = Math.max(view.synced, rows.at(-1)?.seq ?? 0);
    }
  }

  /**
   * Sends a text, and with `retries` sends the very same request again (some at once, some after the
   * answer) as a client does when it cannot tell whether its first try arrived. Every acknowledgement must
   * name the same message.
   */
  async send(conversationId: string, retries: number): Promise<number> {
    this.sent += 1;
    const clientId = `${this.handle}-${this.sent}`;
    const body = { clientId, text: `soak ${clientId}` };
    const path = `/v1/conversations/${conversationId}/messages`;
    const concurrent = Math.random() < 0.5;
    const replies = concurrent
      ? await Promise.all(
          Array.from({ length: retries + 1 }, () => this.http.call<MessageRow>('POST', path, body)),
        )
      : [];
    if (!concurrent) {
      for (let i = 0; i <= retries; i++) replies.push(await this.http.call<MessageRow>('POST', path, body));
    }
    const ids = new Set(replies.filter((r) => r.status === 200 || r.status === 201).map((r) => r.body.id));
    if (ids.size > 1) throw new Error(`${this.handle}: one clientId ${clientId} acknowledged as ${[...ids]}`);
    const [id] = ids;
    if (id) {
      const created = replies.filter((r) => r.status === 201).length;
      if (created > 1) throw new Error(`${this.handle}: clientId ${clientId} created ${created} times`);
      this.acked.push({ conversationId, id, clientId, handle: this.handle });
      const first = replies.find((r) => r.body?.id === id);
      if (first) this.see(first.body);
    }
    return replies.length;
  }
}
