import type { StreamEvent } from '@clipdm/shared';
import { getApiBaseUrl } from '../api/base-url.ts';
import { api } from '../api/client.ts';
import { ApiFailure } from '../api/http.ts';

export type StreamState = 'connecting' | 'open' | 'closed';

const FIRST_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;
/** Under 30 s, so the heartbeat also keeps an MV3 service worker awake while its stream is open. */
export const PING_MS = 25_000;
/** A `pong` (or any frame) must arrive this soon after a ping, or the connection is taken for dead. */
export const PONG_TIMEOUT_MS = 10_000;

/**
 * Keeps a live event stream open (ticket, then WebSocket), reconnecting with backoff. A `ping` every
 * 25 s finds connections that died without a close (sleep, a dropped network): TCP alone can take
 * minutes to notice. `onState('open')` after each (re)connect lets callers catch up with `messages?after=`.
 * Returns a function that closes it for good.
 */
export function openStream(onEvent: (event: StreamEvent) => void, onState: (state: StreamState) => void) {
  let socket: WebSocket | null = null;
  let stopped = false;
  let backoff = FIRST_BACKOFF_MS;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  const stopHeartbeat = () => {
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
  };

  /** Forgets the socket (its late events must not count) and tries again after the backoff. */
  const drop = () => {
    stopHeartbeat();
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close();
      socket = null;
    }
    onState('closed');
    if (stopped) return;
    reconnectTimer = setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const startHeartbeat = (ws: WebSocket) => {
    pingTimer = setInterval(() => {
      ws.send('ping');
      clearTimeout(pongTimer);
      pongTimer = setTimeout(drop, PONG_TIMEOUT_MS);
    }, PING_MS);
  };

  async function connect() {
    if (stopped) return;
    onState('connecting');
    let ws: WebSocket;
    try {
      const ticket = await api.streamTicket();
      const base = (await getApiBaseUrl()).replace(/^http/, 'ws');
      if (stopped) return;
      ws = new WebSocket(`${base}/v1/stream?ticket=${encodeURIComponent(ticket)}`);
    } catch (error) {
      // Signed out: nothing to stream until the next sign-in restarts it.
      if (error instanceof ApiFailure && error.code === 'signed_out') {
        onState('closed');
        return;
      }
      drop();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      backoff = FIRST_BACKOFF_MS;
      startHeartbeat(ws);
      onState('open');
    };
    ws.onmessage = (frame) => {
      // Any frame shows the connection is alive.
      clearTimeout(pongTimer);
      const data = String(frame.data);
      if (data === 'pong') return;
      let event: StreamEvent;
      try {
        event = JSON.parse(data) as StreamEvent;
      } catch {
        return; // A frame that is not JSON is not ours to act on.
      }
      onEvent(event);
    };
    ws.onclose = drop;
  }

  void connect();
  return () => {
    stopped = true;
    clearTimeout(reconnectTimer);
    drop();
  };
}
