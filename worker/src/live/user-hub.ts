import { DurableObject } from 'cloudflare:workers';
import type { StreamEvent } from '@clipdm/shared';
import { drizzle } from 'drizzle-orm/d1';
import type { Env } from '../env.ts';
import { describeError, logEvent } from '../lib/log.ts';
import { forgetLive } from './presence.ts';

/** The heartbeat: a client sends the text frame `ping`, the hub answers `pong`. */
export const PING = 'ping';
export const PONG = 'pong';

/** Devices one user may keep connected; a new one beyond this pushes out the oldest. */
export const MAX_SOCKETS_PER_USER = 16;

interface SocketAttachment {
  connectedAt: number;
}

/** The presence mark of the newest socket this hub accepted, kept in its storage across hibernation. */
interface NewestMark {
  userId: string;
  mark: string;
}
const NEWEST_MARK = 'newest-mark';

/** The close code of a socket whose login ended (4000–4999 are the application's own). */
export const SIGNED_OUT = 4401;

/** Close codes a peer may report but nobody may send (RFC 6455 §7.4.1). */
const RESERVED_CLOSE_CODES = new Set([1005, 1006, 1015]);

function closeQuietly(socket: WebSocket, code: number, reason: string): void {
  try {
    socket.close(RESERVED_CLOSE_CODES.has(code) ? 1000 : code, reason);
  } catch {
    // Already closed: nothing left to clean up.
  }
}

/**
 * One per user (`idFromName(userId)`): holds that user's live sockets, one per device. Sockets are accepted
 * with the hibernation API, so an idle hub is evicted from memory while its connections stay open, and
 * heartbeats are answered by the runtime without waking it. Events arrive from the worker by RPC
 * (`stub.publish(events)`) after the write they describe has committed; the hub keeps no history (D1 does).
 * The WebSocket connect stays a `fetch`, since an upgrade is an HTTP request.
 */
export class UserHub extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  override async fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/connect' && request.headers.get('upgrade')?.toLowerCase() === 'websocket') {
      const params = new URL(request.url).searchParams;
      const userId = params.get('user');
      const mark = params.get('mark');
      if (userId && mark) this.ctx.storage.kv.put(NEWEST_MARK, { userId, mark } satisfies NewestMark);
      return this.acceptDevice(params.get('login') ?? '');
    }
    return new Response('Not found', { status: 404 });
  }

  /**
   * Accepts a new device. The worker has already checked the ticket that routed it here. The socket is
   * tagged with its login, so ending that login can close exactly its sockets.
   */
  private acceptDevice(loginId: string): Response {
    this.evictOldestIfFull();
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, loginId ? [loginId] : []);
    server.serializeAttachment({ connectedAt: Date.now() } satisfies SocketAttachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  private evictOldestIfFull(): void {
    const open = this.openSockets();
    if (open.length < MAX_SOCKETS_PER_USER) return;
    const connectedAt = (socket: WebSocket) =>
      (socket.deserializeAttachment() as SocketAttachment | null)?.connectedAt ?? 0;
    const oldest = open.reduce((a, b) => (connectedAt(b) < connectedAt(a) ? b : a));
    closeQuietly(oldest, 1008, 'too many connections');
  }

  private openSockets(): WebSocket[] {
    return this.ctx.getWebSockets().filter((socket) => socket.readyState === WebSocket.OPEN);
  }

  /** RPC: sends each event, one JSON object per frame, to every open socket; returns how many got them. */
  publish(events: StreamEvent[]): number {
    // RPC arguments are typed only at compile time; anything but a list is refused by delivering nothing.
    if (!Array.isArray(events)) {
      logEvent('warn', { msg: 'hub publish refused', reason: 'not a list of events' });
      return 0;
    }
    const frames = events.map((event) => JSON.stringify(event));
    let delivered = 0;
    for (const socket of this.openSockets()) {
      try {
        for (const frame of frames) socket.send(frame);
        delivered += 1;
      } catch (error) {
        // A socket that broke between the check and the send: drop it, the client will reconnect and catch up.
        logEvent('warn', { msg: 'hub send failed', error: String(error) });
        closeQuietly(socket, 1011, 'send failed');
      }
    }
    return delivered;
  }

  /**
   * RPC: closes the sockets of ended logins (`loginIds`), or every socket of the user (none given: the
   * account was deleted or suspended); returns how many closed. The client sees close code 4401 and signs
   * in again.
   */
  signOut(loginIds?: string[]): number {
    const sockets = Array.isArray(loginIds)
      ? loginIds.filter((id) => typeof id === 'string').flatMap((id) => this.ctx.getWebSockets(id))
      : this.ctx.getWebSockets();
    for (const socket of sockets) closeQuietly(socket, SIGNED_OUT, 'signed out');
    this.ctx.waitUntil(this.forgetIfNoneOpen());
    return sockets.length;
  }

  /**
   * With no socket left open, clears the user's presence so fan-out stops calling this hub, unless a
   * ticket spent since has marked a newer socket (`forgetLive` compares the mark). A failure leaves the
   * presence set: a needless call later, never a missed event.
   */
  private async forgetIfNoneOpen(closing?: WebSocket): Promise<void> {
    if (this.openSockets().some((socket) => socket !== closing)) return;
    const newest = this.ctx.storage.kv.get<NewestMark>(NEWEST_MARK);
    if (!newest) return;
    try {
      await forgetLive(drizzle(this.env.DB), newest.userId, newest.mark);
    } catch (error) {
      logEvent('warn', { msg: 'presence not cleared', error: describeError(error) });
    }
  }

  /** The stream is one-way; `ping` is answered by the auto-response and anything else is ignored. */
  override webSocketMessage(): void {}

  /** Completes the closing handshake so the runtime releases the socket. */
  override async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    closeQuietly(socket, code, reason);
    await this.forgetIfNoneOpen(socket);
  }

  override async webSocketError(socket: WebSocket, error: unknown): Promise<void> {
    logEvent('warn', { msg: 'hub socket error', error: String(error) });
    closeQuietly(socket, 1011, 'socket error');
    await this.forgetIfNoneOpen(socket);
  }
}
