import { z } from 'zod';
import { DM_POLICIES } from '../age.ts';
import { displayTextProblem, isReservedName } from '../display-text.ts';
import { isSingleEmoji } from '../emoji.ts';
import { handleSchema } from './params.ts';

/**
 * Request bodies and queries of the API contract. The worker's routes validate with them, and the OpenAPI
 * document is generated from those routes; each body's `id` is its component name there.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'birthdate: YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'birthdate: not a calendar date');

/** A name or title others see: NFC, trimmed, 1–50 characters, nothing hidden in it (`display-text.ts`). */
function displayText(field: string) {
  // `trim` and `normalize` rewrite the value in place, so the length checks see the stored form and the
  // OpenAPI document still shows a plain string of 1–50 characters.
  return z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, `${field}: empty after trimming`)
    .max(50, `${field}: at most 50 characters`)
    .superRefine((text, ctx) => {
      const problem = displayTextProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: `${field}: ${problem}` });
    });
}

export const displayNameSchema = displayText('displayName').refine(
  (name) => !isReservedName(name),
  'displayName: that name is reserved',
);

export const groupTitleSchema = displayText('title');

export const registerBody = z
  .object({
    handle: handleSchema,
    password: z.string().min(10).max(128),
    birthdate: isoDate,
    displayName: displayNameSchema.optional(),
  })
  .meta({ id: 'RegisterBody' });

export const loginBody = z
  .object({
    handle: z.string().trim().toLowerCase().min(1).max(64),
    password: z.string().min(1).max(128),
  })
  .meta({ id: 'LoginBody' });

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(256) }).meta({ id: 'RefreshBody' });

export const deleteMeBody = z.object({ password: z.string().min(1).max(128) }).meta({ id: 'DeleteMeBody' });

export const dmPolicySchema = z.enum(DM_POLICIES);

export const settingsPatch = z
  .object({ dmPolicy: dmPolicySchema.optional(), readReceipts: z.boolean().optional() })
  .strict()
  .meta({ id: 'SettingsPatch' });

export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const userSearchQuery = z.object({ q: z.string().trim().min(1).max(50) });

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');

export const contactsBody = z.object({ hashes: z.array(sha256Hex).max(5000) }).meta({ id: 'ContactsBody' });

export const createConversationBody = z
  .object({
    members: z.array(handleSchema).min(1).max(31),
    title: groupTitleSchema.optional(),
    /**
     * A group's creation key, chosen by the client (as a message's): the same key again from the same
     * person answers the group it created (200), so a retry after a lost answer makes no second group.
     */
    clientId: z.string().min(1).max(64).optional().meta({
      description:
        'Groups only: the same clientId again from the same person answers the group it already created (200)',
    }),
  })
  .meta({ id: 'CreateConversationBody' });

export const renameConversationBody = z
  .object({ title: groupTitleSchema })
  .meta({ id: 'RenameConversationBody' });

export const addMembersBody = z
  .object({ handles: z.array(handleSchema).min(1).max(31) })
  .meta({ id: 'AddMembersBody' });

export const boxQuery = pageQuery.extend({ box: z.enum(['inbox', 'requests']).default('inbox') });

export const REPORT_REASONS = [
  'spam',
  'harassment',
  'hate',
  'nudity',
  'violence',
  'self_harm',
  'scam',
  'other',
] as const;

export const reportBody = z
  .object({
    reason: z.enum(REPORT_REASONS),
    messageIds: z.array(z.string().min(1).max(64)).max(20).optional(),
    note: z.string().trim().max(500).optional(),
    block: z.boolean().optional(),
  })
  .meta({ id: 'ReportBody' });

export const readBody = z.object({ seq: z.number().int().min(0) }).meta({ id: 'ReadBody' });

export const messagesQuery = z
  .object({
    before: z.coerce.number().int().min(1).optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .refine((q) => q.before === undefined || q.after === undefined, 'use either before or after, not both');

/** Control characters (C0 and C1) other than newline and tab: invisible, and used to spoof text. */
function hasControlCharacters(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 0x20 && char !== '\n' && char !== '\t') || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

export const messageText = z
  .string()
  .transform((text) => text.trim().normalize('NFC'))
  .pipe(
    z
      .string()
      .min(1, 'text: empty after trimming')
      .max(2000, 'text: at most 2000 characters')
      .refine((text) => !hasControlCharacters(text), 'text: control characters are not allowed'),
  );

export const sendMessageBody = z
  .object({
    clientId: z.string().min(1).max(64),
    text: messageText.optional(),
    video: z.object({ url: z.string().min(1).max(512) }).optional(),
    /** A reply: the id of a message of the same conversation that the sender can see. */
    replyTo: z.string().min(1).max(64).optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.video === undefined), {
    message: 'exactly one of text or video',
  })
  .meta({ id: 'SendMessageBody' });

export const reactionBody = z
  .object({
    emoji: z.string().min(1).max(32).refine(isSingleEmoji, 'emoji: exactly one emoji'),
  })
  .meta({ id: 'ReactionBody' });

export const resolveReportBody = z
  .object({ action: z.enum(['dismiss', 'suspend']) })
  .meta({ id: 'ResolveReportBody' });

export const reportsQuery = pageQuery.extend({ status: z.enum(['open', 'resolved']).default('open') });

/** `GET /v1/stream?ticket=`: only the shape is checked here; an unknown, used or expired ticket is a 401. */
export const streamQuery = z.object({ ticket: z.string().min(1).max(256) });
