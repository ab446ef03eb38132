import { z } from 'zod';
import { normalizeIdentifier } from '../identifier-value.ts';
import { registerBody } from './requests.ts';
import { authResultSchema } from './responses.ts';

/** Request schemas of "Sign in with the video site" and of verified identifiers (`API.md`). */

/** `GET /v1/auth/site/start` and `/v1/auth/facebook/start`. */
export const oauthStartQuery = z.object({
  return: z.string().min(1).max(2000),
  link: z.string().min(1).max(256).optional(),
});

/** What a provider sends back to the `redirect_uri`: a code, or an error; the state either way. */
export const oauthCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(256).optional(),
  error: z.string().max(200).optional(),
});

export const siteExchangeBody = z
  .object({
    code: z.string().min(1).max(256),
    birthdate: registerBody.shape.birthdate.optional(),
  })
  .meta({ id: 'SiteExchangeBody' });

/** `POST /v1/me/site-link/confirm` and `/v1/me/facebook-link/confirm`: the `link_code` of the return page. */
export const linkConfirmBody = z.object({ code: z.string().min(1).max(256) }).meta({ id: 'LinkConfirmBody' });

export const identifierKindSchema = z.enum(['email', 'phone']);

const identifierValue = z
  .object({ kind: identifierKindSchema, value: z.string().min(1).max(254) })
  .refine((body) => normalizeIdentifier(body.kind, body.value) !== null, {
    path: ['value'],
    message: 'value: an email address, or a phone number in E.164 (+31612345678)',
  });

export const identifierStartBody = identifierValue.meta({ id: 'IdentifierStartBody' });

export const identifierConfirmBody = z
  .object({
    kind: identifierKindSchema,
    value: z.string().min(1).max(254),
    code: z.string().regex(/^\d{6}$/, 'code: 6 digits'),
  })
  .refine((body) => normalizeIdentifier(body.kind, body.value) !== null, {
    path: ['value'],
    message: 'value: an email address, or a phone number in E.164 (+31612345678)',
  })
  .meta({ id: 'IdentifierConfirmBody' });

export const identifierIdParam = z.object({ id: z.string().min(1).max(64) });

export const outboxQuery = z.object({ to: z.string().min(1).max(254) });

/** `POST /v1/auth/site/exchange`: the tokens, and whether this sign-in created the account. */
export const siteExchangeResultSchema = authResultSchema
  .extend({ created: z.boolean() })
  .meta({ id: 'SiteExchangeResult' });

/** One of the caller's verified identifiers; the value itself is never returned, only a hint. */
export const identifierSchema = z
  .object({
    id: z.string(),
    kind: identifierKindSchema,
    hint: z.string(),
    verifiedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Identifier' });

export const identifierListSchema = z
  .object({ identifiers: z.array(identifierSchema) })
  .meta({ id: 'IdentifierList' });

/** A single-use ticket for `start?link=` (5 minutes). */
export const linkTicketSchema = z.object({ ticket: z.string() }).meta({ id: 'LinkTicket' });

export const facebookLinkSchema = z.object({ linked: z.boolean() }).meta({ id: 'FacebookLink' });

/** A message the development outbox holds instead of sending it. */
export const outboxMessageSchema = z
  .object({ to: z.string(), text: z.string(), code: z.string(), sentAt: z.string() })
  .meta({ id: 'OutboxMessage' });

export const outboxSchema = z.object({ messages: z.array(outboxMessageSchema) }).meta({ id: 'Outbox' });

export type SiteExchangeResult = z.infer<typeof siteExchangeResultSchema>;
export type Identifier = z.infer<typeof identifierSchema>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
