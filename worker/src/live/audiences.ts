import { conversationViewsFor } from '../conversation-store/conversation-views.ts';
import { memberRowsOf, readAudienceRows } from '../conversation-store/live-audiences.ts';
import { unreadCounts } from '../conversation-store/member-state.ts';
import { type MemberRow, memberRows } from '../conversation-store/membership.ts';
import { type MessageRow, toMessage } from '../conversation-store/message-rows.ts';
import type { Db } from '../env.ts';
import { chunked } from '../lib/chunked.ts';
import { describeError, logEvent } from '../lib/log.ts';
import { liveAmong } from './presence.ts';
import type { Delivery } from './publish.ts';

/**
 * The live events after a write. Only members whose box shows the conversation (accepted or request, not
 * hidden) hear anything: a declined request stays silent, and a request's sender never learns of reads.
 */

const shows = (m: MemberRow) => (m.state === 'accepted' || m.state === 'request') && !m.hidden;

/**
 * Of `userIds`, those with a socket open: the counts and views below are read only for people who will hear
 * them (a person's counts can be thousands of rows, re-read on every accept or read marker). If presence
 * cannot be read, everyone, as `publish` does.
 */
async function listening(db: Db, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const live = await liveAmong(db, userIds).catch((error) => {
    logEvent('warn', {
      msg: 'presence read failed; working out events for everyone',
      error: describeError(error),
    });
    return null;
  });
  return live ? userIds.filter((id) => live.has(id)) : userIds;
}

/** `unread` events with each listening user's current counts. */
export async function unreadDeliveries(db: Db, userIds: string[]): Promise<Delivery[]> {
  return countsFor(db, await listening(db, userIds));
}

async function countsFor(db: Db, listeners: string[]): Promise<Delivery[]> {
  const counts = await unreadCounts(db, listeners);
  return [...counts].map(([userId, c]) => ({ userId, event: { type: 'unread', ...c } }));
}

/** `conversation` events, each listening member seeing their own view of it. */
export async function conversationDeliveries(db: Db, conversationId: string, userIds: string[]) {
  return viewsFor(db, conversationId, await listening(db, userIds));
}

async function viewsFor(db: Db, conversationId: string, listeners: string[]): Promise<Delivery[]> {
  const views = await conversationViewsFor(db, conversationId, listeners);
  return listeners.flatMap((userId): Delivery[] => {
    const conversation = views.get(userId);
    return conversation ? [{ userId, event: { type: 'conversation', conversation } }] : [];
  });
}

/**
 * After members changed without a message (an account deleted): each conversation, as they now see it, to
 * every member whose box shows it.
 */
export async function membersChangedDeliveries(db: Db, conversationIds: string[]): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const chunk of chunked(conversationIds, 50)) {
    const rows = await memberRowsOf(db, chunk);
    const audience = new Map<string, string[]>();
    for (const m of rows.filter(shows))
      audience.set(m.conversationId, [...(audience.get(m.conversationId) ?? []), m.userId]);
    for (const [id, userIds] of audience) deliveries.push(...(await conversationDeliveries(db, id, userIds)));
  }
  return deliveries;
}

/**
 * After a message, to the members with a socket open (`listening`): the message to everyone whose box shows
 * the conversation, the conversation itself to
 * those for whom it just appeared (to all of them when the members changed), and new unread counts to the
 * others. `after`: the member rows after the write, when the write already read them. `hiddenFrom`:
 * members who block the sender or are blocked by them (in a group): they hear nothing of this message.
 */
export async function messageDeliveries(
  db: Db,
  row: MessageRow,
  before: MemberRow[],
  {
    membersChanged = false,
    after: known,
    hiddenFrom = [],
  }: { membersChanged?: boolean; after?: MemberRow[]; hiddenFrom?: string[] } = {},
): Promise<Delivery[]> {
  const after = known ?? (await memberRows(db, row.conversationId));
  const hidden = new Set(hiddenFrom);
  // One presence read for the whole audience: nothing is worked out, or sent, for someone not listening.
  const listeners = new Set(
    await listening(
      db,
      after.filter((m) => shows(m) && !hidden.has(m.userId)).map((m) => m.userId),
    ),
  );
  const visible = after.filter((m) => listeners.has(m.userId));
  const wasShown = new Set(before.filter(shows).map((m) => m.userId));
  const others = visible.filter((m) => m.userId !== row.senderId).map((m) => m.userId);
  const appeared = visible.filter((m) => membersChanged || !wasShown.has(m.userId)).map((m) => m.userId);
  const [newlyShown, unread] = await Promise.all([
    viewsFor(db, row.conversationId, appeared),
    countsFor(db, others),
  ]);
  const messagesOut: Delivery[] = visible.map((m) => ({
    userId: m.userId,
    event: { type: 'message', message: toMessage(row, m.userId) },
  }));
  return [...newlyShown, ...messagesOut, ...unread];
}

/**
 * After `readerId` moved their read marker: a `read` event to the reader's own devices, and to the other
 * members only where receipts are shown (both accepted, both with read receipts on).
 */
export async function readDeliveries(db: Db, conversationId: string, readerId: string, seq: number) {
  const rows = await readAudienceRows(db, conversationId);
  const reader = rows.find((r) => r.userId === readerId);
  const readerShares = reader?.state === 'accepted' && reader.receipts === true;
  const told = rows.filter(
    (r) =>
      r.userId === readerId || (readerShares && r.state === 'accepted' && r.receipts === true && !r.hidden),
  );
  const reads: Delivery[] = told.map((r) => ({
    userId: r.userId,
    event: { type: 'read', conversationId, userId: readerId, seq },
  }));
  return [...reads, ...(await unreadDeliveries(db, [readerId]))];
}
