import { env } from 'cloudflare:test';
import type { StreamEvent, StreamTicket } from '@clipdm/shared';
import { expect } from 'vitest';
import type { Env } from '../src/env.ts';
import { call, type TestUser } from './helpers.ts';

/** Test client of the live stream: a connected socket and the frames it has received, in order. */
export interface LiveSocket {
  socket: WebSocket;
  /** Every text frame received so far. */
  frames: string[];
  /** The next frame not yet taken; fails if none arrives within `ms`. */
  next(ms?: number): Promise<string>;
  /** The next frame, parsed as a stream event. */
  nextEvent(ms?: number): Promise<StreamEvent>;
  /** Resolves once the socket has closed (from either side), with the close code. */
  closed: Promise<number>;
}

export async function ticketFor(user: TestUser): Promise<string> {
  const res = await user.api('/v1/stream/ticket', { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as StreamTicket).ticket;
}

export function openStream(ticket: string): Promise<Response> {
  return call(`/v1/stream?ticket=${encodeURIComponent(ticket)}`, { headers: { Upgrade: 'websocket' } });
}

/** Accepts the client end of an upgrade and records what arrives on it. */
export function watch(socket: WebSocket): LiveSocket {
  const frames: string[] = [];
  let taken = 0;
  let wake: (() => void) | null = null;
  let onClose: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => {
    onClose = resolve;
  });
  socket.accept();
  socket.addEventListener('message', (event) => {
    frames.push(typeof event.data === 'string' ? event.data : '(binary)');
    wake?.();
  });
  socket.addEventListener('close', (event) => onClose(event.code));

  async function next(ms = 3000): Promise<string> {
    const deadline = Date.now() + ms;
    while (taken >= frames.length) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no frame within ${ms} ms`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, remaining);
      });
      wake = null;
    }
    taken += 1;
    return frames[taken - 1] as string;
  }

  return {
    socket,
    frames,
    next,
    nextEvent: async (ms) => JSON.parse(await next(ms)) as StreamEvent,
    closed,
  };
}

/** Signs `user` in to the live stream the way a client does: a ticket, then the upgrade. */
export async function connect(user: TestUser): Promise<LiveSocket> {
  const res = await openStream(await ticketFor(user));
  expect(res.status).toBe(101);
  const socket = res.webSocket;
  if (!socket) throw new Error('the upgrade answered without a WebSocket');
  return watch(socket);
}

export function hubOf(userId: string) {
  return env.USER_HUB.get(env.USER_HUB.idFromName(userId));
}

/** Hands events to a user's hub the way `publish()` does (RPC), and returns how many sockets got them. */
export async function publishTo(userId: string, events: StreamEvent[]): Promise<number> {
  return hubOf(userId).publish(events);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real hub namespace, except that the hubs of the named users fail the way a remote call can: the
 * stub's `publish` call rejects, or never answers. Only the two members `publish` uses are provided.
 */
export function envWithFailingHubs(failing: Record<string, 'rejects' | 'hangs'>): Env {
  const real = env.USER_HUB;
  const failingStub = (mode: 'rejects' | 'hangs') => ({
    publish: () =>
      mode === 'rejects' ? Promise.reject(new Error('hub exploded')) : new Promise<number>(() => {}),
  });
  const namespace = {
    idFromName: (name: string) => real.idFromName(name),
    get: (id: DurableObjectId) => {
      const name = Object.keys(failing).find((userId) => real.idFromName(userId).equals(id));
      const mode = name ? failing[name] : undefined;
      return mode ? failingStub(mode) : real.get(id);
    },
  };
  return { ...env, USER_HUB: namespace as unknown as Env['USER_HUB'] };
}

type MessageEvent = Extract<StreamEvent, { type: 'message' }>;

/** Skips other events (unread counts, conversation updates) up to the next new message. */
export async function nextMessage(live: LiveSocket, ms = 3000): Promise<MessageEvent['message']> {
  for (;;) {
    const event = await live.nextEvent(ms);
    if (event.type === 'message') return event.message;
  }
}

/** Every event received so far that concerns `conversationId`. */
export function eventsAbout(live: LiveSocket, conversationId: string): StreamEvent[] {
  return live.frames
    .filter((frame) => frame.startsWith('{'))
    .map((frame) => JSON.parse(frame) as StreamEvent)
    .filter((event) => {
      if (event.type === 'message') return event.message.conversationId === conversationId;
      if (event.type === 'conversation') return event.conversation.id === conversationId;
      if (event.type === 'unread') return false;
      return event.conversationId === conversationId;
    });
}
