import type { Env } from '../env.ts';

/** The limits of API.md, read from `[vars]` so an operator can tune them without a deploy of code. */
export function limitsOf(env: Env) {
  const int = (value: string | undefined, fallback: number) => {
    const parsed = Number.parseInt(value ?? '', 10);
    return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
  };
  return {
    messagesPerMinute: int(env.LIMIT_MESSAGES_PER_MINUTE, 60),
    newRequestsPerDay: int(env.LIMIT_NEW_REQUESTS_PER_DAY, 20),
    messagesBeforeAccept: int(env.LIMIT_MESSAGES_BEFORE_ACCEPT, 3),
    groupMembers: int(env.LIMIT_GROUP_MEMBERS, 32),
    messageLength: int(env.LIMIT_MESSAGE_LENGTH, 2000),
    contactsPerSync: int(env.LIMIT_CONTACTS_PER_SYNC, 5000),
    registrationsPerHour: int(env.LIMIT_REGISTRATIONS_PER_HOUR, 20),
    reportsPerHour: int(env.LIMIT_REPORTS_PER_HOUR, 20),
    streamTicketsPerMinute: int(env.LIMIT_STREAM_TICKETS_PER_MINUTE, 30),
    contactSyncsPerHour: int(env.LIMIT_CONTACT_SYNCS_PER_HOUR, 10),
  };
}

export type Limits = ReturnType<typeof limitsOf>;
