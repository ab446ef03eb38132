import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { conversationMenu, openConversation, openTab } from '../harness/panel.ts';
import { openPanel } from '../harness/person.ts';
import { shot } from '../harness/screens.ts';
import { UI_TIMEOUT } from '../harness/timeouts.ts';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is; returns the serious and critical violations, described. */
async function seriousViolations(page: Page, view: string): Promise<string[]> {
  // Not `page.addScriptTag`: the extension's CSP refuses inline scripts (and logs the refusal as an error).
  // Evaluating the same file through the DevTools protocol is not subject to the page's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${view}: ${v.impact} ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

test('8. accessibility: no serious or critical axe-core violations in the side panel', async ({
  alice,
  newcomer,
}) => {
  const problems: string[] = [];

  // Signed out: a fresh profile shows the sign-in form.
  const signIn = await openPanel(newcomer);
  await signIn.getByRole('button', { name: 'Create account' }).waitFor({ timeout: UI_TIMEOUT });
  problems.push(...(await seriousViolations(signIn, 'sign-in form')));
  // One browser fewer while axe works through the other views (two slow cores).
  await newcomer.context.close();

  const panel = await openPanel(alice);
  await openTab(panel, 'Inbox');
  await panel.getByRole('button', { name: 'New message' }).waitFor({ timeout: UI_TIMEOUT });
  problems.push(...(await seriousViolations(panel, 'inbox')));
  await openTab(panel, 'Requests');
  problems.push(...(await seriousViolations(panel, 'requests')));
  await openTab(panel, 'Inbox');
  await openConversation(panel, 'Weekend plan');
  problems.push(...(await seriousViolations(panel, 'group conversation')));
  await conversationMenu(panel, 'Group info');
  await panel.getByRole('heading', { name: '3 members' }).waitFor({ timeout: UI_TIMEOUT });
  problems.push(...(await seriousViolations(panel, 'group details')));
  await panel.getByRole('button', { name: 'Back' }).first().click();
  await panel.getByRole('button', { name: 'Settings' }).click();
  await panel
    .getByRole('radiogroup', { name: 'Who can send you direct messages' })
    .waitFor({ timeout: UI_TIMEOUT });
  problems.push(...(await seriousViolations(panel, 'settings')));
  await shot(panel, 'settings');
  expect(problems).toEqual([]);
});
