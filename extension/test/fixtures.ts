import type { Conversation, Me, Member, Message, User } from '@clipdm/shared';
import { sessionItem } from '../src/browser/storage-items.ts';

export const ME: Me = {
  id: 'u-me',
  handle: 'me',
  displayName: 'Me Myself',
  avatarUrl: null,
  birthdate: '1990-01-01',
  ageGroup: 'adult',
  verified: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

export function member(id: string, displayName: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    handle: id.replace(/^u-/, ''),
    displayName,
    avatarUrl: null,
    verified: false,
    role: 'member',
    lastReadSeq: null,
    ...extra,
  };
}

export function user(handle: string, extra: Partial<User> = {}): User {
  return {
    id: `u-${handle}`,
    handle,
    displayName: handle[0]?.toUpperCase() + handle.slice(1),
    avatarUrl: null,
    verified: false,
    youFollow: false,
    followsYou: false,
    isFriend: false,
    canMessage: true,
    ...extra,
  };
}

export function message(seq: number, extra: Partial<Message> = {}): Message {
  return {
    id: `m-${seq}`,
    conversationId: 'c-1',
    seq,
    sender: { id: 'u-alice', handle: 'alice', displayName: 'Alice' },
    kind: 'text',
    text: `message ${seq}`,
    video: null,
    reactions: [],
    clientId: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    unsentAt: null,
    ...extra,
  };
}

export function conversation(id: string, extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    kind: 'direct',
    title: null,
    members: [member(ME.id, ME.displayName), member('u-alice', 'Alice')],
    status: 'accepted',
    muted: false,
    unreadCount: 0,
    lastMessage: message(1, { conversationId: id }),
    lastActivityAt: '2026-11-20T10:00:00.000Z',
    createdAt: '2026-11-01T00:00:00.000Z',
    ...extra,
  };
}

/** Puts a signed-in session in the (fake) extension storage, valid for an hour. */
export async function signIn(): Promise<void> {
  await sessionItem.setValue({
    me: ME,
    accessToken: 'access',
    refreshToken: 'refresh',
    accessExpiresAt: Date.now() + 3_600_000,
  });
}
