import type { Context } from 'hono';
import type { GroupChange } from '../../conversation-store/group-change.ts';
import type { AppEnv } from '../../env.ts';
import { messageDeliveries, unreadDeliveries } from '../../live/audiences.ts';
import { publishLater } from '../../live/publish.ts';

/**
 * Tells every member about a member change: the new conversation, the event message, unread counts (and
 * `gone`, who left or was removed, their new counts). The change is stored and answered by then: the
 * views and counts for other people are read after the response (`publishLater`), so a fault in those
 * reads is logged and costs only live events (clients catch up), never a 503 for a stored change.
 */
export function announceChange(c: Context<AppEnv>, change: GroupChange | null, gone?: string | null) {
  const db = c.get('db');
  const deliveries = async () => [
    ...(change
      ? await messageDeliveries(db, change.row, [], { membersChanged: true, after: change.after })
      : []),
    ...(gone ? await unreadDeliveries(db, [gone]) : []),
  ];
  publishLater(c.env, c.executionCtx, deliveries());
}
