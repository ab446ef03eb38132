import { env } from 'cloudflare:test';
import type { TestUser } from './helpers.ts';

/**
 * Seeds conversations and messages straight into D1, for the unsend/reaction/account/moderation tests
 * that need messages to act on without depending on how the messages route creates them.
 */

let seeded = 0;
function seedId(prefix: string): string {
  seeded += 1;
  return `${prefix}${Date.now().toString(36)}${seeded}`;
}

export type SeedState = 'accepted' | 'request' | 'declined' | 'left' | 'removed';

/** A conversation whose first user is the owner; `states` overrides a member's state by handle. */
export async function seedConversation(
  people: TestUser[],
  options: { kind?: 'direct' | 'group'; states?: Record<string, SeedState> } = {},
): Promise<string> {
  const id = seedId('c');
  const kind = options.kind ?? (people.length === 2 ? 'direct' : 'group');
  const statements = [
    env.DB.prepare('insert into conversations (id, kind, direct_key) values (?, ?, ?)').bind(
      id,
      kind,
      kind === 'direct'
        ? people
            .map((p) => p.user.id)
            .sort()
            .join(':')
        : null,
    ),
    ...people.map((p, i) =>
      env.DB.prepare(
        `insert into members (conversation_id, user_id, role, state, joined_at, direct_activity_at)
          values (?, ?, ?, ?, ?, ?)`,
      ).bind(
        id,
        p.user.id,
        i === 0 && kind === 'group' ? 'owner' : 'member',
        options.states?.[p.handle] ?? 'accepted',
        new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        // As the worker keeps it: a direct chat's activity on its member rows, none in a group.
        kind === 'direct' ? new Date().toISOString() : null,
      ),
    ),
  ];
  await env.DB.batch(statements);
  return id;
}

/** Appends a message with the next seq; text by default, or a video. */
export async function seedMessage(
  conversationId: string,
  sender: TestUser,
  content: { text?: string; video?: { url: string; videoId: string | null; author: string | null } } = {},
): Promise<{ id: string; seq: number }> {
  const id = seedId('m');
  const row = await env.DB.prepare(
    'update conversations set last_seq = last_seq + 1 where id = ? returning last_seq',
  )
    .bind(conversationId)
    .first<{ last_seq: number }>();
  const seq = row?.last_seq ?? 1;
  const video = content.video;
  await env.DB.prepare(
    `insert into messages (id, conversation_id, seq, sender_id, kind, text, video_url, video_id, video_author, client_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      conversationId,
      seq,
      sender.user.id,
      video ? 'video' : 'text',
      video ? null : (content.text ?? `hello ${seq}`),
      video?.url ?? null,
      video?.videoId ?? null,
      video?.author ?? null,
      `client-${id}`,
    )
    .run();
  return { id, seq };
}

export interface MessageRow {
  id: string;
  kind: string;
  text: string | null;
  video_url: string | null;
  video_id: string | null;
  video_author: string | null;
  event_json: string | null;
  unsent_at: string | null;
}

/** The stored row itself, so a test can see what is really in the database. */
export async function messageRow(id: string): Promise<MessageRow | null> {
  return env.DB.prepare('select * from messages where id = ?').bind(id).first<MessageRow>();
}

export async function reactionRows(messageId: string) {
  const { results } = await env.DB.prepare(
    'select user_id, emoji from reactions where message_id = ? order by user_id',
  )
    .bind(messageId)
    .all<{ user_id: string; emoji: string }>();
  return results;
}
