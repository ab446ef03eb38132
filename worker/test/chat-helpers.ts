import type { Conversation, Message } from '@clipdm/shared';
import { expect } from 'vitest';
import type { TestUser } from './helpers.ts';

/** Factories for conversations and messages, on top of the people factories in helpers.ts. */

let sent = 0;

/** Opens (or finds) the direct conversation from `a` to `b`; expects it to be allowed. */
export async function openDirect(a: TestUser, b: TestUser): Promise<Conversation> {
  const res = await a.api('/v1/conversations', { body: { members: [b.handle] } });
  expect([200, 201], await res.clone().text()).toContain(res.status);
  return (await res.json()) as Conversation;
}

/** Sends a text message and returns the raw response (for error checks). */
export function postMessage(a: TestUser, conversationId: string, text: string, clientId?: string) {
  sent += 1;
  return a.api(`/v1/conversations/${conversationId}/messages`, {
    body: { clientId: clientId ?? `c${sent}-${Math.random().toString(36).slice(2, 8)}`, text },
  });
}

/** Sends a text message and expects it stored. */
export async function send(a: TestUser, conversationId: string, text: string): Promise<Message> {
  const res = await postMessage(a, conversationId, text);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Message;
}

/** Opens the direct conversation from `a` to `b` and sends one message. */
export async function dm(
  a: TestUser,
  b: TestUser,
  text = 'hello',
): Promise<{ conversation: Conversation; message: Message }> {
  const conversation = await openDirect(a, b);
  return { conversation, message: await send(a, conversation.id, text) };
}

export async function listBox(user: TestUser, box: 'inbox' | 'requests'): Promise<Conversation[]> {
  const res = await user.api(`/v1/conversations?box=${box}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { conversations: Conversation[] }).conversations;
}

export async function unread(user: TestUser): Promise<{ inbox: number; requests: number }> {
  const res = await user.api('/v1/me/unread');
  expect(res.status).toBe(200);
  return (await res.json()) as { inbox: number; requests: number };
}

export async function messagesOf(user: TestUser, conversationId: string, query = ''): Promise<Message[]> {
  const res = await user.api(`/v1/conversations/${conversationId}/messages${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { messages: Message[] }).messages;
}
