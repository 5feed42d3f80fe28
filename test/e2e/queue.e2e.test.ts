import type { Page } from 'playwright-core';
import type { PanelData } from '../../src/contracts/panel';
import type { QueueData } from '../../src/contracts/queue';
import { launchBrowser, type Browser } from './support/browser';
import { flag, pickFirstUser } from './support/panel';
import { saveScreenshot } from './support/screens';
import { startTestWorkbench, type TestWorkbench } from './support/workbench';

/**
 * The queue triage page (jiraServiceManagement:queuePage) in Chromium: the untriaged tickets of a
 * service project, sorted by risk, accepted per cell by keyboard and in bulk through the panel's
 * own resolvers.
 */

let workbench: TestWorkbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The demo size this suite was verified on: two untriaged IT requests with field suggestions.
  workbench = await startTestWorkbench({ demoTickets: 800 });
  browser = await launchBrowser({ width: 1400, height: 1000 });
  page = await browser.newPage();
  await pickFirstUser(page, workbench.url);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

async function invoke<T>(
  functionKey: string,
  payload: unknown,
  context: Record<string, unknown>,
): Promise<T> {
  const response = await page.request.post(`${workbench.url}/__workbench/invoke`, {
    data: { functionKey, payload, context },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!body.ok || body.data === undefined) throw new Error(body.error?.message ?? 'no data');
  return body.data;
}

const queue = () => invoke<QueueData>('queue/list', { projectKey: 'IT' }, { app: 'queue' });

it('lists untriaged requests by risk and accepts a cell by keyboard, then a row in bulk', async () => {
  const before = await queue();
  expect(before.rows.length).toBeGreaterThan(1);
  await page.goto(`${workbench.url}/queue?project=IT`);
  const frame = page.frameLocator('[data-testid="queue-frame"]');
  await frame.locator('[data-testid="queue-table"]').waitFor({ timeout: 60_000 });

  // Sorted by risk: the shown percentages never rise down the table.
  const risks = (await frame.locator('[data-testid="queue-risk"]').allTextContents()).map((t) => {
    const m = /^(\d+) %/.exec(t);
    return m ? Number(m[1]) : -1;
  });
  expect(risks).toEqual([...risks].sort((a, b) => b - a));
  await saveScreenshot(page, 'queue-triage.png');

  // One field suggestion, accepted with the keyboard (focus, Enter), as the panel would apply it.
  const row = before.rows.find((r) => r.fields.length > 0);
  if (!row) throw new Error('no untriaged request with a field suggestion');
  const field = row.fields[0];
  if (!field) throw new Error('no field');
  const accept = frame.getByRole('button', { name: `Accept ${field.name} “${field.value}” for ${row.key}` });
  await accept.focus();
  await page.keyboard.press('Enter');
  await frame
    .locator(`[data-testid="queue-row-${row.key}"] [data-testid="queue-cell-${field.fieldId}"]`)
    .getByText('Accepted')
    .waitFor({ timeout: 30_000 });
  const panel = await invoke<PanelData>(
    'panel/get',
    { issueKey: row.key },
    { app: 'issue-panel', issueKey: row.key },
  );
  if (panel.classification.status !== 'ok') throw new Error('classification failed');
  expect(panel.classification.data.find((f) => f.fieldId === field.fieldId)?.status).toBe('applied');

  // Bulk: select another row with Space, accept all of its suggestions at once.
  const other = before.rows.find((r) => r.key !== row.key && r.fields.length > 0);
  if (!other) throw new Error('no second row');
  await frame.getByRole('checkbox', { name: `Select ${other.key}` }).focus();
  await page.keyboard.press('Space');
  await frame.getByRole('button', { name: /Accept all suggestions of 1 selected/ }).click();
  const done = flag(page, /suggestions accepted/);
  await done.waitFor({ timeout: 60_000 });
  expect(await done.textContent()).toMatch(/, 0 failed/);
  const after = await queue();
  expect(after.rows.map((r) => r.key)).not.toContain(other.key);
});

it('the workbench answers the Rovo actions as the signed-in user', async () => {
  const [row] = (await queue()).rows;
  if (!row) throw new Error('no untriaged request');
  const response = await page.request.post(`${workbench.url}/__workbench/rovo`, {
    data: { action: 'explainSlaRisk', inputs: { issueKey: row.key } },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { ok: boolean; data?: { issueKey: string; sla: unknown } };
  expect(body.ok).toBe(true);
  expect(body.data?.issueKey).toBe(row.key);
});
