import { expect, type Locator, type Page } from '@playwright/test';
import { linkToSiteStandIn } from '../../../scripts/demo-verified.mjs';
import { type Accounts, PASSWORD } from './accounts.ts';
import { readSuiteEnv } from './suite-env.ts';
import { UI_TIMEOUT } from './timeouts.ts';

/** A regular expression matching `text` literally at the start of an accessible name. */
export function startsWith(text: string): RegExp {
  // Quotes and angle brackets stand as "any character": Playwright's selector parser stumbles on them.
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/["'<>]/g, '.');
  return new RegExp(`^${escaped}`);
}

/**
 * Creates an account in the panel's sign-in form, keeps an API session for the same account, and links it
 * to the same username on the site's Login Kit stand-in: these people are the site's own users, so their
 * accounts are verified and "Message" on their site profiles reaches them.
 */
export async function signUp(
  panel: Page,
  accounts: Accounts,
  handle: string,
  displayName: string,
): Promise<void> {
  await panel.getByLabel('Handle').fill(handle);
  await panel.getByLabel('Password').fill(PASSWORD);
  await panel.getByLabel('Birthdate').fill('1990-04-12');
  await panel.getByLabel('Display name (optional)').fill(displayName);
  await panel.getByRole('button', { name: 'Create account' }).click();
  await panel.getByRole('tab', { name: /^Inbox/ }).waitFor({ timeout: UI_TIMEOUT });
  const session = await accounts.session(handle);
  await linkToSiteStandIn(readSuiteEnv().workerUrl, session.token, handle, displayName);
}

/** Goes to a tab of the panel, from wherever it is. */
export async function openTab(panel: Page, tab: 'Inbox' | 'Requests'): Promise<void> {
  const back = panel.getByRole('button', { name: 'Back' }).first();
  if (await back.isVisible()) await back.click();
  await panel.getByRole('tab', { name: startsWith(tab) }).click();
}

/** Opens the conversation whose row's accessible name starts with `name` (a person's name or a title). */
export async function openConversation(panel: Page, name: string): Promise<void> {
  await panel
    .getByRole('button', { name: startsWith(name) })
    .first()
    .click({ timeout: UI_TIMEOUT });
  await composerReady(panel);
}

/** Waits until the open conversation has loaded: its composer takes text. */
export async function composerReady(panel: Page): Promise<void> {
  const box = panel.getByLabel('Message', { exact: true });
  await expect(box, 'the composer to show').toBeVisible({ timeout: UI_TIMEOUT });
  await expect(box, 'the conversation to load').toBeEnabled({ timeout: UI_TIMEOUT });
}

/** "New message" → find `handle` → open the direct conversation with them. */
export async function startDirect(panel: Page, handle: string): Promise<void> {
  await openTab(panel, 'Inbox');
  await panel.getByRole('button', { name: 'New message' }).click();
  await panel.getByLabel('Search people').fill(handle);
  await panel.getByRole('button', { name: new RegExp(`@${handle}\\b`) }).click({ timeout: UI_TIMEOUT });
  await composerReady(panel);
}

/** Types a message in the open conversation and sends it with Enter. */
export async function sendText(panel: Page, text: string): Promise<void> {
  const box = panel.getByLabel('Message', { exact: true });
  await box.fill(text);
  await box.press('Enter');
}

/** The messages of the open conversation. */
export function messages(panel: Page): Locator {
  return panel.getByTestId('message');
}

/** The sent (not pending) message showing `text`. */
export function sentMessage(panel: Page, text: string): Locator {
  return panel.locator('[data-testid="message"][data-status="sent"]').filter({ hasText: text });
}

/** Picks `item` ("Group info", "Mute"…) from the open conversation's "Conversation options" menu. */
export async function conversationMenu(panel: Page, item: string): Promise<void> {
  await panel.getByRole('button', { name: 'Conversation options' }).click();
  await panel.getByTestId('chat-menu').getByRole('button', { name: item, exact: true }).click();
}
