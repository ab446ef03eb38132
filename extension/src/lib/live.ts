import type { StreamEvent } from '@clipdm/shared';
import { api } from './api.ts';
import { getApiBaseUrl } from './config.ts';
import { ApiFailure } from './http.ts';

export type StreamState = 'connecting' | 'open' | 'closed';

const MAX_BACKOFF_MS = 60_000;

/**
 * Keeps a live event stream open (ticket, then WebSocket), reconnecting with backoff.
 * `onState('open')` after each (re)connect lets callers catch up with `messages?after=`.
 * Returns a function that closes it for good.
 */
export function openStream(onEvent: (event: StreamEvent) => void, onState: (state: StreamState) => void) {
  let socket: WebSocket | null = null;
  let stopped = false;
  let backoff = 2_000;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scheduleReconnect = () => {
    onState('closed');
    if (stopped) return;
    timer = setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  async function connect() {
    if (stopped) return;
    onState('connecting');
    try {
      const ticket = await api.streamTicket();
      const base = (await getApiBaseUrl()).replace(/^http/, 'ws');
      if (stopped) return;
      socket = new WebSocket(`${base}/v1/stream?ticket=${encodeURIComponent(ticket)}`);
    } catch (error) {
      // Signed out: nothing to stream until the next sign-in restarts it.
      if (error instanceof ApiFailure && error.code === 'signed_out') {
        onState('closed');
        return;
      }
      scheduleReconnect();
      return;
    }
    socket.onopen = () => {
      backoff = 2_000;
      onState('open');
    };
    socket.onmessage = (frame) => {
      try {
        onEvent(JSON.parse(String(frame.data)) as StreamEvent);
      } catch {
        // A frame that is not JSON is not ours to act on.
      }
    };
    socket.onclose = () => {
      socket = null;
      scheduleReconnect();
    };
  }

  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
