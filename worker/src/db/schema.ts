import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The whole D1 schema. Migrations are generated from this file by `npm run db:generate` into
 * `worker/migrations`, the folder wrangler and the tests both apply.
 */

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    // Deleted accounts keep their row (messages point at it) with the handle set to null.
    handle: text('handle'),
    displayName: text('display_name').notNull(),
    avatarUrl: text('avatar_url'),
    birthdate: text('birthdate').notNull(),
    createdAt: text('created_at').notNull().default(now),
    suspendedAt: text('suspended_at'),
    deletedAt: text('deleted_at'),
    // The video site's `open_id` of the linked site account: one account per open_id, one open_id per account.
    siteOpenId: text('site_open_id'),
    // True while the handle is the one the site said this person owns (it goes when the handle is taken over).
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('users_handle_unique').on(t.handle),
    // A people search is an index range, not a scan: by handle (stored lowercase) on the unique index, by
    // display name on this one, which folds ASCII case as the search does.
    index('users_display_name_lower_idx').on(sql`lower(${t.displayName})`),
    uniqueIndex('users_site_open_id_unique').on(t.siteOpenId),
  ],
);

export const credentials = sqliteTable('credentials', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  passwordHash: text('password_hash').notNull(),
  salt: text('salt').notNull(),
  iterations: integer('iterations').notNull(),
});

/** One row per login (a refresh-token family); revoking it ends every token of that login. */
export const logins = sqliteTable(
  'logins',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull().default(now),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('logins_user_idx').on(t.userId)],
);

/** Refresh tokens, stored only as SHA-256 hashes; `spentAt` marks a rotated one so reuse can be detected. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    loginId: text('login_id')
      .notNull()
      .references(() => logins.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at').notNull(),
    spentAt: text('spent_at'),
  },
  (t) => [index('refresh_tokens_login_idx').on(t.loginId)],
);

export const settings = sqliteTable('settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dmPolicy: text('dm_policy', { enum: ['everyone', 'suggested', 'friends', 'no_one'] }).notNull(),
  readReceipts: integer('read_receipts', { mode: 'boolean' }).notNull().default(true),
});

export const follows = sqliteTable(
  'follows',
  {
    followerId: text('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followeeId: text('followee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    index('follows_followee_idx').on(t.followeeId),
  ],
);

export const blocks = sqliteTable(
  'blocks',
  {
    blockerId: text('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: text('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index('blocks_blocked_idx').on(t.blockedId)],
);

/**
 * How others' contacts find a user: HMAC(CONTACTS_PEPPER, client SHA-256 of the identifier). Only rows with
 * `verifiedAt` count (a code proved the email or phone, or Facebook Login proved the account); rows from
 * before verification existed stay unverified. A verified identifier belongs to one account at a time.
 */
export const identifiers = sqliteTable(
  'identifiers',
  {
    id: text('id').primaryKey().default(sql`(lower(hex(randomblob(13))))`),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['phone', 'email', 'facebook'] }).notNull(),
    keyedHash: text('keyed_hash').notNull(),
    hint: text('hint'),
    verifiedAt: text('verified_at'),
  },
  (t) => [
    index('identifiers_hash_idx').on(t.keyedHash),
    index('identifiers_user_idx').on(t.userId),
    uniqueIndex('identifiers_verified_hash_unique').on(t.keyedHash).where(sql`verified_at is not null`),
  ],
);

/** A user's synced address book, as keyed hashes only. */
export const contacts = sqliteTable(
  'contacts',
  {
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keyedHash: text('keyed_hash').notNull(),
    // `sync` rows come from the address book (a sync replaces them); `facebook` rows from Facebook Login.
    source: text('source', { enum: ['sync', 'facebook'] })
      .notNull()
      .default('sync'),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.keyedHash] })],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['direct', 'group'] }).notNull(),
    title: text('title'),
    // For direct conversations: the two user ids, sorted and joined, so there is only ever one.
    directKey: text('direct_key'),
    lastSeq: integer('last_seq').notNull().default(0),
    lastActivityAt: text('last_activity_at').notNull().default(now),
    createdAt: text('created_at').notNull().default(now),
    // For groups created with a `clientId`: who created it and that key, unique together, so a retried
    // create finds its group instead of making a second one. Null otherwise (SQLite lets nulls repeat).
    creatorId: text('creator_id'),
    clientId: text('client_id'),
  },
  (t) => [
    uniqueIndex('conversations_direct_key_unique').on(t.directKey),
    uniqueIndex('conversations_creator_client_unique').on(t.creatorId, t.clientId),
  ],
);

/**
 * A user's place in a conversation. `state` is the viewer's box: `accepted` (inbox), `request`, or gone
 * (`declined`, `left`, `removed`). `hidden` keeps a direct conversation out of the lists until a message
 * arrives (a new one not yet written in, or one the user left). A send writes no member row but the
 * sender's (and, in a direct chat, the recipient's `direct_activity_at`): unread counts are the
 * conversation's `last_seq` − `last_read_seq` (less `hidden_unread`, the messages a block hides from this
 * member), and a group's place in the lists is the conversation's `last_activity_at`. The per-member unread
 * count and activity a send used to write for every member are gone (migration 0011).
 */
export const members = sqliteTable(
  'members',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'member'] })
      .notNull()
      .default('member'),
    state: text('state', { enum: ['accepted', 'request', 'declined', 'left', 'removed'] }).notNull(),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    muted: integer('muted', { mode: 'boolean' }).notNull().default(false),
    lastReadSeq: integer('last_read_seq').notNull().default(0),
    // Messages after the read marker that this member does not see (blocks in a group, `hiddenByBlock`):
    // the unread count is `last_seq − last_read_seq − hidden_unread`. Written only for such members.
    hiddenUnread: integer('hidden_unread').notNull().default(0),
    // A direct chat's last activity, on both its member rows (a send writes the two; the conversation has
    // it too), so a list of someone's direct chats is one range of members_box_idx in order. Null in a
    // group, whose activity lives on the conversation only: a group send writes no member rows.
    directActivityAt: text('direct_activity_at'),
    joinedAt: text('joined_at').notNull().default(now),
    // The conversation's last seq when this member was (last) added: they see only the messages after it,
    // so a newcomer to a group never reads its earlier history. 0 for founders and direct conversations.
    joinedSeq: integer('joined_seq').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('members_box_idx').on(t.userId, t.state, t.hidden, t.directActivityAt, t.conversationId),
  ],
);

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    senderId: text('sender_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['text', 'video', 'event'] }).notNull(),
    text: text('text'),
    videoUrl: text('video_url'),
    videoId: text('video_id'),
    videoAuthor: text('video_author'),
    // Member-change events ("alice added carol") as JSON.
    eventJson: text('event_json'),
    clientId: text('client_id'),
    createdAt: text('created_at').notNull().default(now),
    unsentAt: text('unsent_at'),
    // The message this one quotes (a reply): checked at send time to be one of this conversation's that
    // the sender could see. No foreign key: messages are only ever deleted with their conversation.
    replyToId: text('reply_to_id'),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq_unique').on(t.conversationId, t.seq),
    uniqueIndex('messages_client_id_unique').on(t.conversationId, t.senderId, t.clientId),
    index('messages_sender_idx').on(t.senderId),
  ],
);

/** oEmbed details of shared videos, fetched after the send and kept per URL. */
export const videoCache = sqliteTable('video_cache', {
  url: text('url').primaryKey(),
  title: text('title'),
  thumbnailUrl: text('thumbnail_url'),
  authorHandle: text('author_handle'),
  resolvedUrl: text('resolved_url'),
  fetchedAt: text('fetched_at').notNull().default(now),
});

export const reactions = sqliteTable(
  'reactions',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] })],
);

export const hiddenMessages = sqliteTable(
  'hidden_messages',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
  },
  // The message_id index serves the foreign key: deleting messages must not scan every hidden row.
  (t) => [
    primaryKey({ columns: [t.userId, t.messageId] }),
    index('hidden_messages_message_idx').on(t.messageId),
  ],
);

export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reportedUserId: text('reported_user_id').references(() => users.id, { onDelete: 'set null' }),
    conversationId: text('conversation_id').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    // The reported messages as they were when reported, so unsending cannot erase the evidence.
    messagesJson: text('messages_json').notNull(),
    status: text('status', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    action: text('action', { enum: ['dismiss', 'suspend'] }),
    createdAt: text('created_at').notNull().default(now),
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('reports_status_idx').on(t.status, t.createdAt)],
);

/**
 * Rate limits as a sliding log: one row per hit, counted over the limit's window (`lib/rate-limits.ts`).
 * Keys: `login:<handle>`, `send:<user>`, `new-requests:<user>`, `register:<ip>`, `report:<user>`,
 * `ticket:<user>`, `contact-sync:<user>`. `expiresAt` lets any hit sweep a few expired ones.
 */
export const rateHits = sqliteTable(
  'rate_hits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('rate_hits_key_at_idx').on(t.key, t.at), index('rate_hits_expires_idx').on(t.expiresAt)],
);

/** Single-use WebSocket tickets, stored hashed, valid for 30 seconds. */
export const streamTickets = sqliteTable(
  'stream_tickets',
  {
    ticketHash: text('ticket_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The login that asked for it: its socket is tagged with it, and closes when that login ends.
    loginId: text('login_id'),
    expiresAt: integer('expires_at').notNull(),
  },
  // Issuing a ticket sweeps the expired ones (never used) by this index, so the table stays tiny.
  (t) => [index('stream_tickets_expires_idx').on(t.expiresAt)],
);

/**
 * Who has a live socket open, so fan-out calls only their hubs: a hub woken for a person with no socket
 * costs a Durable Object request and its start-up, and most members of a group are offline at any moment.
 * `mark` is set when a ticket opens a socket and cleared by the hub when its last socket closes, only if
 * no newer ticket has set it since (see `live/presence.ts`). A stale row costs one needless call, never a
 * lost event. No foreign key: the hub clears its row after the fact, and account rows are never deleted.
 */
export const livePresence = sqliteTable('live_presence', {
  userId: text('user_id').primaryKey(),
  mark: text('mark').notNull(),
  // When the latest socket opened (ms): for operators, not read by the worker.
  since: integer('since').notNull(),
});

/**
 * One sign-in or link in flight with an OAuth provider, keyed by the hash of its `state`: single use,
 * 10 minutes, and holding the PKCE verifier, which never leaves the worker.
 */
export const oauthStates = sqliteTable(
  'oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    provider: text('provider', { enum: ['site', 'facebook'] }).notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnUrl: text('return_url').notNull(),
    // Set when the flow links the provider account to this signed-in account instead of signing in.
    linkUserId: text('link_user_id').references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    // Kept after use until it expires, so a replayed callback can still be sent back with `invalid_state`.
    usedAt: integer('used_at'),
  },
  (t) => [index('oauth_states_expires_idx').on(t.expiresAt)],
);

/**
 * The one-time code the callback hands the extension: what the site said about the person, for 60 s.
 * A first sign-in without a birthdate gets one more try (`retried`).
 */
export const siteSignInCodes = sqliteTable(
  'site_sign_in_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    openId: text('open_id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    avatarUrl: text('avatar_url'),
    expiresAt: integer('expires_at').notNull(),
    spentAt: integer('spent_at'),
    retried: integer('retried', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('site_sign_in_codes_expires_idx').on(t.expiresAt)],
);

/** Single-use, 5-minute tickets that start a link flow for a signed-in account (stored hashed). */
export const linkTickets = sqliteTable(
  'link_tickets',
  {
    ticketHash: text('ticket_hash').primaryKey(),
    provider: text('provider', { enum: ['site', 'facebook'] }).notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('link_tickets_expires_idx').on(t.expiresAt)],
);

/**
 * A link flow's result waiting for the account that asked for it: the callback lands in whatever browser
 * finished the flow, so the link is made only when the ticket's holder confirms the code with its own
 * token. `payload` is what the provider said (JSON). Single use, 2 minutes.
 */
export const pendingLinks = sqliteTable(
  'pending_links',
  {
    codeHash: text('code_hash').primaryKey(),
    provider: text('provider', { enum: ['site', 'facebook'] }).notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    payload: text('payload').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('pending_links_expires_idx').on(t.expiresAt)],
);

/** The code that proves an email or phone: 6 digits (stored as an HMAC), 15 minutes, 5 tries. */
export const identifierCodes = sqliteTable(
  'identifier_codes',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keyedHash: text('keyed_hash').notNull(),
    kind: text('kind', { enum: ['phone', 'email'] }).notNull(),
    hint: text('hint').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
    tries: integer('tries').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.keyedHash] })],
);

/** Development only: the codes that would have been sent, for `GET /v1/dev/outbox`. */
export const devOutbox = sqliteTable(
  'dev_outbox',
  {
    id: text('id').primaryKey(),
    recipient: text('recipient').notNull(),
    text: text('text').notNull(),
    code: text('code').notNull(),
    sentAt: text('sent_at').notNull().default(now),
  },
  (t) => [index('dev_outbox_recipient_idx').on(t.recipient, t.sentAt)],
);
