import type { Env } from '../env.ts';
import { limitsOf } from './config.ts';
import type { Limit } from './rate-limits.ts';

/** Every rate limit of the API, each a sliding window (`rate-limits.ts`); the numbers come from `[vars]`. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Failed passwords per handle: sign-ins and `DELETE /v1/me` share the budget. */
export function loginLimit(handle: string): Limit {
  return { name: 'login', key: `login:${handle}`, max: 10, windowMs: 15 * MINUTE };
}

export function sendLimit(env: Env, userId: string): Limit {
  return { name: 'send', key: `send:${userId}`, max: limitsOf(env).messagesPerMinute, windowMs: MINUTE };
}

/** New request conversations a day: a first message to a stranger, and each stranger put into a group. */
export function newRequestLimit(env: Env, userId: string): Limit {
  return {
    name: 'new-requests',
    key: `new-requests:${userId}`,
    max: limitsOf(env).newRequestsPerDay,
    windowMs: 24 * HOUR,
  };
}

/** Registrations per client address (`CF-Connecting-IP`). */
export function registrationLimit(env: Env, ip: string): Limit {
  return { name: 'register', key: `register:${ip}`, max: limitsOf(env).registrationsPerHour, windowMs: HOUR };
}

export function reportLimit(env: Env, userId: string): Limit {
  return { name: 'report', key: `report:${userId}`, max: limitsOf(env).reportsPerHour, windowMs: HOUR };
}

export function streamTicketLimit(env: Env, userId: string): Limit {
  return {
    name: 'ticket',
    key: `ticket:${userId}`,
    max: limitsOf(env).streamTicketsPerMinute,
    windowMs: MINUTE,
  };
}

/** Contact syncs: each one tells which of its hashes have an account, so they are few. */
export function contactSyncLimit(env: Env, userId: string): Limit {
  return {
    name: 'contact-sync',
    key: `contact-sync:${userId}`,
    max: limitsOf(env).contactSyncsPerHour,
    windowMs: HOUR,
  };
}

/** "Typing" signals: clients send one every 3 s at most while the draft changes; this stops a flood. */
export function typingLimit(userId: string): Limit {
  return { name: 'typing', key: `typing:${userId}`, max: 6, windowMs: 10_000 };
}

/** Codes sent to prove an email or phone, per account (API.md, "Contacts"). */
export function identifierCodeLimit(userId: string): Limit {
  return { name: 'identifier-code', key: `identifier-code:${userId}`, max: 5, windowMs: HOUR };
}
