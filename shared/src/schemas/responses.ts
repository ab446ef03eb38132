import { z } from 'zod';
import { DM_POLICIES } from '../age.ts';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';

/**
 * Response objects of the API contract (`API.md`, "Objects"). The worker's routes name these as their
 * responses, so the OpenAPI document and the extension's generated client use them; each `id` is the name
 * of its component in the document (and of its generated type).
 */

/** Timestamps are ISO 8601 in UTC (`2026-11-29T13:42:38.123Z`), as D1 stores them. */
const timestamp = z.string().meta({ format: 'date-time' });

export const ageGroupSchema = z.enum(['13-15', '16-17', 'adult']).meta({ id: 'AgeGroup' });
export const dmPolicyValueSchema = z.enum(DM_POLICIES).meta({ id: 'DmPolicy' });
export const memberRoleSchema = z.enum(['owner', 'member']).meta({ id: 'MemberRole' });
export const memberStatusSchema = z.enum(['accepted', 'request']).meta({ id: 'MemberStatus' });

/** The account proved, through the video site's own sign-in, that it owns this handle there. */
const verifiedSchema = z.boolean().meta({
  description: "The account proved, through the video site's own sign-in, that it owns this handle there.",
});

export const meSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    birthdate: z.string().meta({ format: 'date' }),
    ageGroup: ageGroupSchema,
    verified: verifiedSchema,
    createdAt: timestamp,
  })
  .meta({ id: 'Me', description: 'The signed-in person.' });

export const userSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    verified: verifiedSchema,
    youFollow: z.boolean(),
    followsYou: z.boolean(),
    isFriend: z.boolean(),
    canMessage: z.boolean(),
  })
  .meta({ id: 'User', description: 'Another person as the caller sees them.' });

export const settingsSchema = z
  .object({ dmPolicy: dmPolicyValueSchema, readReceipts: z.boolean() })
  .meta({ id: 'Settings' });

export const authResultSchema = z
  .object({ user: meSchema, accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number().int() })
  .meta({ id: 'AuthResult' });

export const memberSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    verified: verifiedSchema,
    role: memberRoleSchema,
    lastReadSeq: z.number().int().nullable(),
  })
  .meta({ id: 'Member' });

export const videoAttachmentSchema = z
  .object({
    url: z.string(),
    videoId: z.string().nullable(),
    authorHandle: z.string().nullable(),
    title: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
  })
  .meta({ id: 'VideoAttachment' });

const personRef = z.object({ id: z.string(), handle: z.string() });

export const conversationEventSchema = z
  .object({
    type: z.enum(['created', 'added', 'removed', 'left', 'renamed']),
    actor: personRef,
    targets: z.array(personRef),
    title: z.string().nullable(),
  })
  .meta({
    id: 'ConversationEvent',
    description:
      'A member change shown in the conversation ("alice added carol"); `kind: "event"` messages carry it.',
  });

export const reactionSchema = z
  .object({ emoji: z.string(), count: z.number().int(), mine: z.boolean() })
  .meta({ id: 'Reaction' });

/** What a reply shows of the message it quotes: who, and the start of its text (none once unsent). */
export const quotedMessageSchema = z
  .object({
    id: z.string(),
    sender: z.object({ id: z.string(), handle: z.string(), displayName: z.string() }),
    kind: z.enum(['text', 'video']),
    /** At most 140 characters; null for a video or an unsent message. */
    text: z.string().nullable(),
    unsent: z.boolean(),
  })
  .meta({ id: 'QuotedMessage' });

export const messageSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    seq: z.number().int(),
    sender: z.object({ id: z.string(), handle: z.string(), displayName: z.string() }),
    kind: z.enum(['text', 'video', 'event']),
    text: z.string().nullable(),
    video: videoAttachmentSchema.nullable(),
    /** Present on `kind: "event"` messages only. */
    event: conversationEventSchema.nullable().optional(),
    reactions: z.array(reactionSchema),
    clientId: z.string().nullable(),
    createdAt: timestamp,
    unsentAt: timestamp.nullable(),
    /** The message this one replies to, as a small preview; null (or absent) when it is no reply. */
    replyTo: quotedMessageSchema.nullable().optional(),
  })
  .meta({ id: 'Message' });

export const conversationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['direct', 'group']),
    title: z.string().nullable(),
    members: z.array(memberSchema),
    status: memberStatusSchema,
    muted: z.boolean(),
    unreadCount: z.number().int(),
    lastMessage: messageSchema.nullable(),
    lastActivityAt: timestamp,
    createdAt: timestamp,
  })
  .meta({ id: 'Conversation' });

export const streamTicketSchema = z.object({ ticket: z.string() }).meta({
  id: 'StreamTicket',
  description: 'A single-use ticket for `GET /v1/stream?ticket=`, valid for 30 seconds.',
});

export const adminReportSchema = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'resolved']),
    reason: z.string(),
    note: z.string().nullable(),
    action: z.enum(['dismiss', 'suspend']).nullable(),
    conversationId: z.string(),
    reporter: z.object({ id: z.string(), handle: z.string().nullable() }).nullable(),
    reportedUser: z
      .object({
        id: z.string(),
        handle: z.string().nullable(),
        displayName: z.string(),
        suspendedAt: timestamp.nullable(),
      })
      .nullable(),
    /** The copies stored with the report, as the reporting route wrote them (unsending cannot erase them). */
    messages: z.array(messageSchema),
    createdAt: timestamp,
    resolvedAt: timestamp.nullable(),
  })
  .meta({
    id: 'AdminReport',
    description: 'A report as moderators see it, with the messages copied when it was filed.',
  });

/** A page of a keyset-paged list: `cursor` is `null` on the last page. */
const cursor = z.string().nullable();

export const conversationPageSchema = z
  .object({ conversations: z.array(conversationSchema), cursor })
  .meta({ id: 'ConversationPage' });

export const messagePageSchema = z
  .object({ messages: z.array(messageSchema), hasMore: z.boolean() })
  .meta({ id: 'MessagePage' });

export const userListSchema = z.object({ users: z.array(userSchema) }).meta({ id: 'UserList' });

export const userPageSchema = z.object({ users: z.array(userSchema), cursor }).meta({ id: 'UserPage' });

export const reportPageSchema = z
  .object({ reports: z.array(adminReportSchema), cursor })
  .meta({ id: 'ReportPage' });

export const resolvedReportSchema = z.object({ report: adminReportSchema }).meta({ id: 'ResolvedReport' });

export const reportFiledSchema = z.object({ reportId: z.string() }).meta({ id: 'ReportFiled' });

export const contactsMatchedSchema = z.object({ matched: z.number().int() }).meta({ id: 'ContactsMatched' });

export const unreadCountsSchema = z
  .object({ inbox: z.number().int(), requests: z.number().int() })
  .meta({ id: 'UnreadCounts', description: 'Unread conversations (not messages), muted ones left out.' });

export const healthSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Health' });

export const accountExportSchema = z
  .object({
    exportedAt: timestamp,
    profile: meSchema,
    settings: settingsSchema.nullable(),
    following: z.array(z.string()),
    followers: z.array(z.string()),
    blocked: z.array(z.string()),
    identifiers: z.object({ count: z.number().int(), byKind: z.record(z.string(), z.number().int()) }),
    syncedContacts: z.number().int(),
    conversations: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['direct', 'group']),
        title: z.string().nullable(),
        status: z.string(),
        role: z.string(),
        joinedAt: timestamp,
        createdAt: timestamp,
        members: z.array(z.object({ handle: z.string().nullable(), role: z.string() })),
      }),
    ),
    messages: z.array(
      z.object({
        id: z.string(),
        conversationId: z.string(),
        seq: z.number().int(),
        sender: z.string().nullable(),
        mine: z.boolean(),
        kind: z.string(),
        text: z.string().nullable(),
        videoUrl: z.string().nullable(),
        event: conversationEventSchema.nullable(),
        createdAt: timestamp,
        unsentAt: timestamp.nullable(),
      }),
    ),
    myReactions: z.array(z.object({ messageId: z.string(), emoji: z.string(), createdAt: timestamp })),
  })
  .meta({ id: 'AccountExport', description: 'Everything the service holds about one account.' });

const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ErrorBody', description: 'The body of every error response.' });

export type MemberRole = z.infer<typeof memberRoleSchema>;
export type MemberStatus = z.infer<typeof memberStatusSchema>;
export type Me = z.infer<typeof meSchema>;
export type User = z.infer<typeof userSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type AuthResult = z.infer<typeof authResultSchema>;
export type Member = z.infer<typeof memberSchema>;
export type VideoAttachment = z.infer<typeof videoAttachmentSchema>;
export type ConversationEvent = z.infer<typeof conversationEventSchema>;
export type Reaction = z.infer<typeof reactionSchema>;
export type QuotedMessage = z.infer<typeof quotedMessageSchema>;
export type Message = z.infer<typeof messageSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type StreamTicket = z.infer<typeof streamTicketSchema>;
export type AdminReport = z.infer<typeof adminReportSchema>;
export type ConversationPage = z.infer<typeof conversationPageSchema>;
export type MessagePage = z.infer<typeof messagePageSchema>;
export type UserList = z.infer<typeof userListSchema>;
export type UserPage = z.infer<typeof userPageSchema>;
export type ReportPage = z.infer<typeof reportPageSchema>;
export type UnreadCounts = z.infer<typeof unreadCountsSchema>;
export type AccountExport = z.infer<typeof accountExportSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;
