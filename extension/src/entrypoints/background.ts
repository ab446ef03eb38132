import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { apiBaseUrlItem } from '../api/base-url.ts';
import { handleRequest } from '../background/content-request-handler.ts';
import { isBackgroundRequest } from '../background/content-requests.ts';
import { conversationOfNotification } from '../background/notifications.ts';
import { openPanel, toggleSidebarOnActionClick } from '../background/open-panel.ts';
import { pendingOpenItem, sessionItem } from '../browser/storage-items.ts';
import { poll, restartStream, syncStreamWithSession } from '../live/background-sync.ts';

const POLL_ALARM = 'clipdm-poll';

export default defineBackground(() => {
  // Chromium: the toolbar button opens the side panel (Firefox's sidebar has its own button).
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  toggleSidebarOnActionClick();

  void browser.alarms.create(POLL_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== POLL_ALARM) return;
    void syncStreamWithSession();
    void poll().catch(() => undefined);
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isBackgroundRequest(message)) return undefined;
    void handleRequest(message, sender).then(sendResponse);
    return true;
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    const conversationId = conversationOfNotification(notificationId);
    if (!conversationId) return;
    void browser.windows.getLastFocused().then((win) => {
      const opening = openPanel({ windowId: win.id });
      void pendingOpenItem.setValue({ conversationId, at: Date.now() });
      void browser.notifications.clear(notificationId);
      return opening;
    });
  });

  apiBaseUrlItem.watch(() => void restartStream());
  sessionItem.watch(() => {
    void syncStreamWithSession();
    void poll().catch(() => undefined);
  });
  void syncStreamWithSession();
  void poll().catch(() => undefined);
});
