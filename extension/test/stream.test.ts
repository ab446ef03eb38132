import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client.ts';
import { openStream, PING_MS, PONG_TIMEOUT_MS, type StreamState } from '../src/live/stream.ts';

/** A WebSocket stand-in: records what the client sends and lets the test play the server. */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: string[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((frame: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
}

const latest = () => FakeSocket.all.at(-1) as FakeSocket;

describe('openStream', () => {
  let states: StreamState[];
  let events: unknown[];
  let close: () => void;

  beforeEach(async () => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.spyOn(api, 'streamTicket').mockResolvedValue('t1');
    states = [];
    events = [];
    close = openStream(
      (e) => events.push(e),
      (s) => states.push(s),
    );
    await vi.advanceTimersByTimeAsync(0);
    latest().onopen?.();
  });

  afterEach(() => {
    close();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('connects with a ticket and delivers JSON frames, not pongs', () => {
    expect(latest().url).toMatch(/^ws:\/\/.+\/v1\/stream\?ticket=t1$/);
    latest().onmessage?.({ data: 'pong' });
    latest().onmessage?.({ data: '{"type":"unread","inbox":1,"requests":0}' });
    expect(events).toEqual([{ type: 'unread', inbox: 1, requests: 0 }]);
    expect(states).toEqual(['connecting', 'open']);
  });

  it('pings every 25 s and keeps a connection that answers', async () => {
    await vi.advanceTimersByTimeAsync(PING_MS);
    expect(latest().sent).toEqual(['ping']);
    latest().onmessage?.({ data: 'pong' });
    await vi.advanceTimersByTimeAsync(PING_MS);
    expect(latest().sent).toEqual(['ping', 'ping']);
    latest().onmessage?.({ data: 'pong' });
    await vi.advanceTimersByTimeAsync(PONG_TIMEOUT_MS);
    expect(FakeSocket.all).toHaveLength(1);
    expect(latest().closed).toBe(false);
  });

  it('takes a silent connection for dead, closes it and reconnects with a fresh ticket', async () => {
    const first = latest();
    await vi.advanceTimersByTimeAsync(PING_MS + PONG_TIMEOUT_MS);
    expect(first.closed).toBe(true);
    expect(states.at(-1)).toBe('closed');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeSocket.all).toHaveLength(2);
    latest().onopen?.();
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
    expect(api.streamTicket).toHaveBeenCalledTimes(2);
  });

  it('backs off longer after each failed attempt', async () => {
    latest().onclose?.();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeSocket.all).toHaveLength(2);
    latest().onclose?.();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeSocket.all).toHaveLength(3);
  });

  it('stops for good when closed', async () => {
    close();
    expect(latest().closed).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(latest().sent).toEqual([]);
  });
});
