import { browser } from 'wxt/browser';

/** Shows how many conversations have unread messages (inbox and requests) on the action icon. */
export async function setBadge(unread: { inbox: number; requests: number } | null): Promise<void> {
  const total = unread ? unread.inbox + unread.requests : 0;
  const action =
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeBackgroundColor({ color: '#c2185b' });
  await action.setBadgeText({ text: total > 0 ? (total > 99 ? '99+' : String(total)) : '' });
}
