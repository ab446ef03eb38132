import { z } from 'zod';
import { devOutbox } from '../../db/schema.ts';
import type { Db, Env } from '../../env.ts';
import { newId } from '../../lib/ids.ts';
import { fetchProviderJson, providerTimeout } from '../identity/provider-fetch.ts';

/** A code on its way to an email address or a phone. */
export interface CodeMessage {
  to: string;
  text: string;
  code: string;
}

/** The one small interface every way of sending a code fits behind. */
export interface CodeSender {
  send(message: CodeMessage): Promise<void>;
}

/** Thrown when the deployment has no way to send this kind of code, or the sender refused it. */
export class SenderUnavailable extends Error {}

const SUBJECT = 'Your ClipDM code';

/** Development: the code is kept for `GET /v1/dev/outbox` instead of leaving the machine. */
function devOutboxSender(db: Db): CodeSender {
  return {
    async send(message) {
      await db
        .insert(devOutbox)
        .values({ id: newId(), recipient: message.to, text: message.text, code: message.code });
    },
  };
}

/** Cloudflare Email Service through the `EMAIL` send_email binding. */
function emailBindingSender(binding: SendEmail, from: string): CodeSender {
  return {
    async send(message) {
      await binding.send({ from, to: message.to, subject: SUBJECT, text: message.text });
    },
  };
}

/** An HTTP email API in the style of Resend's `POST /emails` (JSON, bearer key). */
function emailApiSender(env: Env, key: string): CodeSender {
  return {
    async send(message) {
      await fetchProviderJson(
        env.EMAIL_API_URL,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            from: env.EMAIL_FROM,
            to: message.to,
            subject: SUBJECT,
            text: message.text,
          }),
        },
        emailAccepted,
        providerTimeout(env.PROVIDER_TIMEOUT_MS),
      );
    },
  };
}

/** An HTTP SMS API in the style of Vonage's `POST /sms/json` (form, key and secret, number without "+"). */
function smsApiSender(env: Env, key: string, secret: string): CodeSender {
  return {
    async send(message) {
      const answer = await fetchProviderJson(
        env.SMS_API_URL,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            api_key: key,
            api_secret: secret,
            from: env.SMS_FROM,
            to: message.to.replace(/^\+/, ''),
            text: message.text,
          }),
        },
        smsAnswer,
        providerTimeout(env.PROVIDER_TIMEOUT_MS),
      );
      if (answer.messages.some((m) => m.status !== '0')) throw new SenderUnavailable('the SMS API refused');
    },
  };
}

const emailAccepted = z.object({ id: z.string() });
// Vonage answers 200 even when it refuses; status "0" per message means sent.
const smsAnswer = z.object({ messages: z.array(z.object({ status: z.string() })).min(1) });

/**
 * How a code for `kind` goes out here: the local outbox in development; else email through the binding
 * when one is bound, or the HTTP API when its key is set; SMS through the HTTP API when its keys are set.
 */
// The `EMAIL` send_email binding exists only where the deployment adds `[[send_email]]` (README, "Deploying"),
// so `wrangler types` does not list it.
type MaybeEmailBound = Env & { EMAIL?: SendEmail };

export function senderFor(env: MaybeEmailBound, db: Db, kind: 'email' | 'phone'): CodeSender {
  if (env.ENVIRONMENT === 'development') return devOutboxSender(db);
  if (kind === 'email') {
    if (env.EMAIL) return emailBindingSender(env.EMAIL, env.EMAIL_FROM);
    if (env.EMAIL_API_KEY) return emailApiSender(env, env.EMAIL_API_KEY);
  } else if (env.SMS_API_KEY && env.SMS_API_SECRET) {
    return smsApiSender(env, env.SMS_API_KEY, env.SMS_API_SECRET);
  }
  throw new SenderUnavailable(`no ${kind} sender is configured`);
}
