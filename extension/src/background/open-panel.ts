import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void>; toggle(): Promise<void> };
  browserAction?: { onClicked: { addListener(listener: () => void): void } };
}

/** Firefox: the toolbar button toggles the sidebar (Chromium does this with `setPanelBehavior`). */
export function toggleSidebarOnActionClick(): void {
  const firefox = browser as unknown as FirefoxSidebar;
  const sidebar = firefox.sidebarAction;
  if (!sidebar || !firefox.browserAction) return;
  firefox.browserAction.onClicked.addListener(() => void sidebar.toggle());
}

/**
 * Opens the side panel (Chromium) or sidebar (Firefox). Must be called before any `await` in a handler
 * of a user action, or the browser refuses. Falls back to the panel page in a tab.
 */
export function openPanel(target: { tabId?: number; windowId?: number }): Promise<void> {
  const firefox = (browser as unknown as FirefoxSidebar).sidebarAction;
  let opening: Promise<void>;
  try {
    if (firefox) opening = firefox.open();
    else if (browser.sidePanel && target.tabId !== undefined)
      opening = browser.sidePanel.open({ tabId: target.tabId });
    else if (browser.sidePanel && target.windowId !== undefined) {
      opening = browser.sidePanel.open({ windowId: target.windowId });
    } else opening = Promise.reject(new Error('no side panel'));
  } catch (error) {
    // Some browsers refuse synchronously (no user gesture); treat it like a refusal.
    opening = Promise.reject(error);
  }
  return opening.catch(async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  });
}
