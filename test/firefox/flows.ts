import assert from 'node:assert/strict';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Http } from '../soak/http.ts';
import type { Firefox } from './firefox.ts';

const PASSWORD = 'firefox-password-1';
/** Live delivery must beat the one-minute `alarms` poll by far, or it was not live. */
const LIVE_MS = 15_000;

/**
 * The element matching `selector` whose accessible name (aria-label, its label, or its text) starts with
 * `name`, inside `within` when given. Written against the DOM rather than Puppeteer's ARIA selectors, whose
 * exact-name matching cannot take "Requests 1" for "Requests".
 */
async function find(page: Page, selector: string, name: string, within?: string): Promise<ElementHandle> {
  const handle = await page.waitForFunction(
    (css, wanted, scope) => {
      const root = scope ? document.querySelector(`[aria-label^="${scope}"]`) : document;
      for (const element of root?.querySelectorAll<HTMLElement>(css) ?? []) {
        const label = element.id
          ? document.querySelector(`label[for="${element.id}"]`)
          : element.closest('label');
        const accessible =
          element.getAttribute('aria-label') ?? label?.textContent ?? element.textContent ?? '';
        if (accessible.trim().startsWith(wanted) && !(element as HTMLButtonElement).disabled) return element;
      }
      return null;
    },
    { timeout: 30_000 },
    selector,
    name,
    within ?? '',
  );
  return handle as ElementHandle;
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await find(page, 'input, textarea', label);
  await field.evaluate((element, text) => {
    const input = element as HTMLInputElement;
    input.focus();
    // Date inputs take no keystrokes in a locale-independent way; the value is set as a picker would.
    if (input.type === 'date') {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, value);
  if ((await field.evaluate((e) => (e as HTMLInputElement).type)) !== 'date') await field.type(value);
}

async function click(page: Page, selector: string, name: string, within?: string): Promise<void> {
  await (await find(page, selector, name, within)).click();
}

/** Waits until the open conversation shows a delivered (not pending) message with `text`. */
async function shownAsSent(page: Page, text: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('[data-testid="message"][data-status="sent"]')].some((m) =>
        m.textContent?.includes(wanted),
      ),
    { timeout },
    text,
  );
}

/** Creates the account `fox` in the panel's sign-in form. */
export async function signUpInPanel(panel: Page): Promise<void> {
  await fill(panel, 'Handle', 'fox');
  await fill(panel, 'Password', PASSWORD);
  await fill(panel, 'Birthdate', '1990-04-12');
  await fill(panel, 'Display name', 'Fox Firefox');
  await click(panel, 'button', 'Create account');
  await find(panel, '[role="tab"]', 'Inbox');
}

/** The core flows after sign-up; answers how many steps passed. */
export async function runFlows(options: {
  firefox: Firefox;
  panel: Page;
  api: (token?: string) => Http;
  siteOrigin: string;
}): Promise<number> {
  const { firefox, panel, api, siteOrigin } = options;
  let steps = 1; // signed up in the panel
  const step = (what: string) => {
    steps += 1;
    console.log(`firefox: ✓ ${what}`);
  };
  step('signed up in the sidebar panel; the inbox shows');

  const fox = api(
    (await api().ok<{ accessToken: string }>('POST', '/v1/auth/login', { handle: 'fox', password: PASSWORD }))
      .accessToken,
  );
  await fox.ok('PATCH', '/v1/me/settings', { dmPolicy: 'everyone' });
  const bea = api(
    (
      await api().ok<{ accessToken: string }>('POST', '/v1/auth/register', {
        handle: 'bea',
        password: PASSWORD,
        birthdate: '1991-02-03',
        displayName: 'Bea Bauer',
      })
    ).accessToken,
  );
  const { id } = await bea.ok<{ id: string }>('POST', '/v1/conversations', { members: ['fox'] });
  await bea.ok('POST', `/v1/conversations/${id}/messages`, {
    clientId: 'bea-1',
    text: 'Hello Fox, a request',
  });

  await click(panel, '[role="tab"]', 'Requests');
  await click(panel, 'button', 'Accept', 'Bea Bauer');
  for (;;) {
    const inbox = await fox.ok<{ conversations: { id: string }[] }>('GET', '/v1/conversations?box=inbox');
    if (inbox.conversations.some((c) => c.id === id)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  step("accepted Bea's request; the server has it in Fox's inbox");

  await click(panel, '[role="tab"]', 'Inbox');
  await click(panel, 'button', 'Bea Bauer');
  await fill(panel, 'Message', 'Hi Bea, from Firefox');
  await panel.keyboard.press('Enter');
  await shownAsSent(panel, 'Hi Bea, from Firefox', 30_000);
  const seen = await bea.ok<{ messages: { text: string | null }[] }>(
    'GET',
    `/v1/conversations/${id}/messages`,
  );
  assert.ok(
    seen.messages.some((m) => m.text === 'Hi Bea, from Firefox'),
    'Bea reads what Fox sent',
  );
  step('sent a message from the panel; Bea reads it through the API');

  const sentAt = Date.now();
  await bea.ok('POST', `/v1/conversations/${id}/messages`, { clientId: 'bea-2', text: 'Live from Bea' });
  await shownAsSent(panel, 'Live from Bea', LIVE_MS);
  step(`received Bea's reply live in the open conversation (${Date.now() - sentAt} ms)`);

  const page = await firefox.browser.newPage();
  await page.goto(`${siteOrigin}/`);
  const buttons = await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll('clipdm-share')];
      const labels = hosts.flatMap((host) =>
        [...(host.shadowRoot?.querySelectorAll('button') ?? [])].map(
          (b) => b.getAttribute('aria-label') ?? b.textContent?.trim(),
        ),
      );
      return labels.filter((l) => l === 'Send in DM').length >= 3 ? labels.length : 0;
    },
    { timeout: 30_000 },
  );
  step(
    `content script on the fixture site: ${await buttons.jsonValue()} "Send in DM" buttons in shadow roots`,
  );
  await page.close();
  return steps;
}
