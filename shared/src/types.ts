import type { AgeGroup, DmPolicy } from './age.ts';

/** Response objects of the API contract (`API.md`, "Objects"). */

export interface Me {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  birthdate: string;
  ageGroup: AgeGroup;
  /** The account proved, through the video site's own sign-in, that it owns this handle there. */
  verified: boolean;
  createdAt: string;
}

export interface User {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  verified: boolean;
  youFollow: boolean;
  followsYou: boolean;
  isFriend: boolean;
  canMessage: boolean;
}

export interface Settings {
  dmPolicy: DmPolicy;
  readReceipts: boolean;
}

export interface AuthResult {
  user: Me;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type MemberRole = 'owner' | 'member';
export type MemberStatus = 'accepted' | 'request';

export interface Member {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  /** As on `User`: this member proved their handle through the video site's sign-in. */
  verified: boolean;
  role: MemberRole;
  lastReadSeq: number | null;
}

export interface VideoAttachment {
  url: string;
  videoId: string | null;
  authorHandle: string | null;
  title: string | null;
  thumbnailUrl: string | null;
}

/** A member change shown in the conversation ("alice added carol"); `kind: "event"` messages carry it. */
export interface ConversationEvent {
  type: 'created' | 'added' | 'removed' | 'left' | 'renamed';
  actor: { id: string; handle: string };
  targets: { id: string; handle: string }[];
  title: string | null;
}

export interface Reaction {
  emoji: string;
  count: number;
  mine: boolean;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  sender: { id: string; handle: string; displayName: string };
  kind: 'text' | 'video' | 'event';
  text: string | null;
  video: VideoAttachment | null;
  event?: ConversationEvent | null;
  reactions: Reaction[];
  clientId: string | null;
  createdAt: string;
  unsentAt: string | null;
}

export interface Conversation {
  id: string;
  kind: 'direct' | 'group';
  title: string | null;
  members: Member[];
  status: MemberStatus;
  muted: boolean;
  unreadCount: number;
  lastMessage: Message | null;
  lastActivityAt: string;
  createdAt: string;
}

export type StreamEvent =
  | { type: 'message'; message: Message }
  | { type: 'message_unsent'; conversationId: string; messageId: string; seq: number }
  | { type: 'reaction'; conversationId: string; messageId: string; reactions: Reaction[] }
  | { type: 'read'; conversationId: string; userId: string; seq: number }
  | { type: 'conversation'; conversation: Conversation }
  | { type: 'unread'; inbox: number; requests: number };

/** `POST /v1/stream/ticket`: a single-use ticket for `GET /v1/stream?ticket=`, valid for 30 seconds. */
export interface StreamTicket {
  ticket: string;
}

/** A report as moderators see it (`GET /v1/admin/reports`), with the messages copied when it was filed. */
export interface AdminReport {
  id: string;
  status: 'open' | 'resolved';
  reason: string;
  note: string | null;
  action: 'dismiss' | 'suspend' | null;
  conversationId: string;
  reporter: { id: string; handle: string | null } | null;
  reportedUser: { id: string; handle: string | null; displayName: string; suspendedAt: string | null } | null;
  /** The copies stored with the report, as the reporting route wrote them (unsending cannot erase them). */
  messages: unknown[];
  createdAt: string;
  resolvedAt: string | null;
}
