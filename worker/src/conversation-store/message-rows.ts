import {
  type ConversationEvent,
  type Message,
  parseVideoUrl,
  type QuotedMessage,
  type Reaction,
} from '@clipdm/shared';
import { type AnyColumn, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { selectList } from '../db/raw-rows.ts';
import { messages, users, videoCache } from '../db/schema.ts';
import type { Db } from '../env.ts';

/** The message a reply quotes, and its sender: joined by primary key on every message read. */
const quoted = alias(messages, 'quoted');
const quotedSender = alias(users, 'quoted_sender');

/**
 * A joined column under a result name of its own. D1 batches hand rows back keyed by column name, and the
 * quoted message's `kind`, `text`… would collide with the message's own; SQLite names an expression by
 * its text, so `coalesce(x, null)` (which is just `x`) keeps them apart.
 */
function ownName<T>(column: AnyColumn) {
  return sql<T | null>`coalesce(${column}, null)`;
}

/** A quote shows at most this much of the quoted text. */
const QUOTE_CHARS = 140;

/**
 * The columns every message read selects: the message, its sender, any oEmbed details of its video, and
 * the message it quotes (a reply).
 */
export const messageColumns = {
  id: messages.id,
  conversationId: messages.conversationId,
  seq: messages.seq,
  senderId: messages.senderId,
  kind: messages.kind,
  text: messages.text,
  videoUrl: messages.videoUrl,
  videoId: messages.videoId,
  videoAuthor: sql<string | null>`coalesce(${messages.videoAuthor}, ${videoCache.authorHandle})`,
  eventJson: messages.eventJson,
  clientId: messages.clientId,
  createdAt: messages.createdAt,
  unsentAt: messages.unsentAt,
  senderHandle: users.handle,
  senderName: users.displayName,
  videoTitle: videoCache.title,
  videoThumbnail: videoCache.thumbnailUrl,
  videoResolvedUrl: videoCache.resolvedUrl,
  replyToId: messages.replyToId,
  quotedKind: ownName<'text' | 'video' | 'event'>(quoted.kind),
  quotedText: ownName<string>(quoted.text),
  quotedUnsentAt: ownName<string>(quoted.unsentAt),
  quotedSenderId: ownName<string>(quoted.senderId),
  quotedSenderHandle: ownName<string>(quotedSender.handle),
  quotedSenderName: ownName<string>(quotedSender.displayName),
};

/** `select <messageColumns> from messages` with the sender and video joins; callers add where/order. */
export function selectMessages(db: Db) {
  return db
    .select(messageColumns)
    .from(messages)
    .innerJoin(users, eq(users.id, messages.senderId))
    .leftJoin(videoCache, eq(videoCache.url, messages.videoUrl))
    .leftJoin(quoted, eq(quoted.id, messages.replyToId))
    .leftJoin(quotedSender, eq(quotedSender.id, quoted.senderId));
}

export type MessageRow = Awaited<ReturnType<typeof selectMessages>>[number];

/**
 * `selectMessages` as one raw statement, for a `runAsTransaction` batch: its rows come back keyed like
 * `MessageRow` (read them with `rowOf(messageColumns, …)`). Raw because drizzle's D1 batch cannot bind raw
 * statements (drizzle-orm#2277), and aliased because its batch shifts same-named columns (drizzle-orm#6038).
 */
export function selectMessagesStatement(where: SQL): SQL {
  return sql`select ${selectList(messageColumns)} from ${messages}
    inner join ${users} on ${users.id} = ${messages.senderId}
    left join ${videoCache} on ${videoCache.url} = ${messages.videoUrl}
    left join ${messages} as "quoted" on ${quoted.id} = ${messages.replyToId}
    left join ${users} as "quoted_sender" on ${quotedSender.id} = ${quoted.senderId}
    where ${where}`;
}

/** The `event` of a member-change message from its stored JSON; anything unreadable is no event. */
export function parseEvent(json: string | null): ConversationEvent | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as ConversationEvent;
  } catch {
    return null;
  }
}

/**
 * The video a short link led to, from the long-form URL the oEmbed lookup cached. Only a URL that passed
 * the host check on every redirect hop is ever cached, so it is parsed against its own host.
 */
function resolvedVideo(url: string | null) {
  if (!url) return null;
  try {
    return parseVideoUrl(url, [new URL(url).host]);
  } catch {
    return null;
  }
}

/**
 * The one serialization of a message for a viewer (HTTP responses and live events alike): `clientId` only
 * to its sender, no content once unsent, `event` on member-change messages.
 */
export function toMessage(row: MessageRow, viewerId: string, reactions: Reaction[] = []): Message {
  const unsent = row.unsentAt !== null;
  // A short link has no id or author of its own; the long form it resolved to (once looked up) has both.
  const resolved =
    row.videoId === null || row.videoAuthor === null ? resolvedVideo(row.videoResolvedUrl) : null;
  const message: Message = {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    sender: { id: row.senderId, handle: row.senderHandle ?? '', displayName: row.senderName },
    kind: row.kind,
    text: unsent ? null : row.text,
    video:
      unsent || row.kind !== 'video' || !row.videoUrl
        ? null
        : {
            url: row.videoUrl,
            videoId: row.videoId ?? resolved?.videoId ?? null,
            authorHandle: row.videoAuthor ?? resolved?.authorHandle ?? null,
            title: row.videoTitle,
            thumbnailUrl: row.videoThumbnail,
          },
    reactions,
    clientId: row.senderId === viewerId ? row.clientId : null,
    createdAt: row.createdAt,
    unsentAt: row.unsentAt,
  };
  if (row.kind === 'event') message.event = parseEvent(row.eventJson);
  message.replyTo = unsent ? null : quoteOf(row);
  return message;
}

/** The preview of the message `row` replies to, or null when it is no reply (or the quote is gone). */
function quoteOf(row: MessageRow): QuotedMessage | null {
  if (!row.replyToId || !row.quotedSenderId || (row.quotedKind !== 'text' && row.quotedKind !== 'video'))
    return null;
  const unsent = row.quotedUnsentAt !== null;
  return {
    id: row.replyToId,
    sender: {
      id: row.quotedSenderId,
      handle: row.quotedSenderHandle ?? '',
      displayName: row.quotedSenderName ?? '',
    },
    kind: row.quotedKind,
    text:
      unsent || row.quotedKind !== 'text'
        ? null
        : Array.from(row.quotedText ?? '')
            .slice(0, QUOTE_CHARS)
            .join(''),
    unsent,
  };
}

/** Serializes a page of message rows for a viewer, with their reactions (one query). */
