import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { messageDeliveries, unreadDeliveries } from '../../live/audiences.ts';
import { publish } from '../../live/publish.ts';
import type { MessageRow } from '../messages/message-rows.ts';

/** Tells every member about a member change: the new conversation, the event message, unread counts. */
export async function announceChange(c: Context<AppEnv>, row: MessageRow | null, gone?: string) {
  const db = c.get('db');
  const deliveries = row ? await messageDeliveries(db, row, [], { membersChanged: true }) : [];
  if (gone) deliveries.push(...(await unreadDeliveries(db, [gone])));
  publish(c.env, c.executionCtx, deliveries);
}
