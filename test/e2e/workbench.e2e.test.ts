import type { APIRequestContext, Frame, Page } from 'playwright-core';
import type { PanelData } from '../../src/contracts/panel';
import { launchBrowser, type Browser } from './support/browser';
import { SECTIONS, openAdmin, openIssue, panelFrame, waitForPanel } from './support/panel';
import { saveScreenshot } from './support/screens';
import { startTestWorkbench, type TestWorkbench } from './support/workbench';

/**
 * The whole app in a real browser: the emulated JSM issue view with the panel in its iframe, the
 * admin page, and the resolvers, triggers and emulator behind them.
 */

let workbench: TestWorkbench;
let browser: Browser;
let page: Page;
/** A demo ticket with an open suggestion and an unlinked duplicate, found through the resolver. */
let ticket: { key: string; fieldId: string; value: string; duplicateKey: string };

async function panelData(request: APIRequestContext, issueKey: string): Promise<PanelData | null> {
  const response = await request.post(`${workbench.url}/__workbench/invoke`, {
    data: { functionKey: 'panel/get', payload: { issueKey }, context: { app: 'issue-panel', issueKey } },
  });
  if (!response.ok()) return null;
  const body = (await response.json()) as { ok: boolean; data?: PanelData };
  return body.ok && body.data ? body.data : null;
}

async function ticketKeys(): Promise<string[]> {
  await page.goto(workbench.url + '/');
  // Page functions are strings: they run in the browser, and this project's tsconfig has no DOM types.
  const hrefs = await page.evaluate<string[]>(
    `Array.from(document.querySelectorAll('a[href^="/browse/"]'), (a) => a.getAttribute('href') || '')`,
  );
  return [...new Set(hrefs.map((href) => decodeURIComponent(href.slice('/browse/'.length))))];
}

async function findTicket(): Promise<typeof ticket> {
  for (const key of (await ticketKeys()).slice(0, 80)) {
    const data = await panelData(page.request, key);
    if (!data || data.classification.status !== 'ok' || data.similar.status !== 'ok') continue;
    const field = data.classification.data.find(
      (f) => f.mode === 'suggest' && f.state === 'open' && !f.abstained && f.candidates.length > 0,
    );
    const duplicate = data.similar.data.duplicates.find((d) => !d.alreadyLinked);
    if (field?.candidates[0] && duplicate) {
      return { key, fieldId: field.fieldId, value: field.candidates[0].value, duplicateKey: duplicate.key };
    }
  }
  throw new Error('no demo ticket has an open suggestion and an unlinked duplicate');
}

function panelAppFrame(): Frame {
  const frame = page.frames().find((f) => f.url().includes('/apps/issue-panel/'));
  if (!frame) throw new Error('the issue panel iframe is not loaded');
  return frame;
}

beforeAll(async () => {
  workbench = await startTestWorkbench();
  browser = await launchBrowser();
  page = await browser.newPage();
  ticket = await findTicket();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

afterEach(() => {
  expect(browser.dialogs).toEqual([]);
});

test('an agent opens a ticket and sees all four sections', async () => {
  const frame = await openIssue(page, workbench.url, ticket.key);
  for (const id of SECTIONS) {
    const section = frame.locator(`[data-testid="section-${id}"]`);
    await expect(section.isVisible()).resolves.toBe(true);
    expect(['ok', 'empty']).toContain(await section.getAttribute('data-state'));
  }
  await expect(frame.locator(`[data-testid="apply-${ticket.fieldId}"]`).isVisible()).resolves.toBe(true);
  await expect(
    frame.locator(`[data-testid="link-duplicate-${ticket.duplicateKey}"]`).isVisible(),
  ).resolves.toBe(true);
  await saveScreenshot(page, 'panel-light.png');
});

test('applying a classification writes the field and the audit log', async () => {
  const frame = await openIssue(page, workbench.url, ticket.key);
  await frame.locator(`[data-testid="apply-${ticket.fieldId}"]`).click();
  await frame.locator(`[data-testid="field-${ticket.fieldId}"][data-state="applied"]`).waitFor();
  await expect(frame.locator('[data-testid="panel-notice"]').innerText()).resolves.toContain(ticket.value);

  await openIssue(page, workbench.url, ticket.key);
  await expect(page.locator(`[data-testid="issue-field-${ticket.fieldId}"]`).innerText()).resolves.toContain(
    ticket.value,
  );

  const admin = await openAdmin(page, workbench.url);
  await admin.locator('[data-testid="tab-audit"]').click();
  await admin.locator('[data-testid="audit-issue"]').fill(ticket.key);
  await admin.locator('[data-testid="audit-filter"]').click();
  const row = admin.locator('[data-testid="audit-table"] tbody tr', { hasText: ticket.fieldId });
  await row.first().waitFor();
  await expect(row.first().innerText()).resolves.toContain(ticket.key);
});

test('linking a duplicate shows the link on the issue', async () => {
  const frame = await openIssue(page, workbench.url, ticket.key);
  await frame.locator(`[data-testid="link-duplicate-${ticket.duplicateKey}"]`).click();
  await frame.locator(`[data-testid="similar-${ticket.duplicateKey}"]`, { hasText: /Linked/ }).waitFor();

  await openIssue(page, workbench.url, ticket.key);
  await expect(page.locator('[data-testid="issue-links"]').innerText()).resolves.toContain(
    ticket.duplicateKey,
  );
});

test("the panel follows a field's mode changed on the admin page", async () => {
  const setMode = async (mode: string) => {
    const admin = await openAdmin(page, workbench.url);
    await admin.locator(`[data-testid="field-mode-${ticket.fieldId}"]`).selectOption(mode);
    await admin.locator('[data-testid="save-config"]').click();
    await admin.locator('[data-testid="admin-notice"]', { hasText: /saved/i }).waitFor();
  };

  await setMode('off');
  let frame = await openIssue(page, workbench.url, ticket.key);
  await expect(frame.locator(`[data-testid="field-${ticket.fieldId}"]`).count()).resolves.toBe(0);

  await setMode('suggest');
  frame = await openIssue(page, workbench.url, ticket.key);
  await expect(frame.locator(`[data-testid="field-${ticket.fieldId}"]`).count()).resolves.toBe(1);
});

test('an emulator failure shows a readable message, not a blank panel', async () => {
  await workbench.setFault(true);
  try {
    await page.goto(`${workbench.url}/browse/${ticket.key}?theme=light&locale=en`);
    const frame = panelFrame(page);
    await waitForPanel(frame);
    const errors = frame.locator('[data-testid="panel-error"], [data-testid$="-error"]');
    await errors.first().waitFor();
    const text = await errors.first().innerText();
    expect(text.trim().length).toBeGreaterThan(20);
    expect(text).not.toMatch(/undefined|\[object Object\]/);
  } finally {
    await workbench.setFault(false);
  }
});

test('ticket text with markup is shown as text and never runs', async () => {
  const hostile = 'VPN <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> broken';
  const response = await page.request.post(`${workbench.url}/__workbench/tickets`, {
    data: { summary: hostile, description: `Printer <b>jam</b> <img src=y onerror="alert(3)">` },
  });
  expect(response.status()).toBe(201);
  const { key } = (await response.json()) as { key: string };

  const frame = await openIssue(page, workbench.url, key);
  await waitForPanel(frame);
  const app = panelAppFrame();
  await expect(app.evaluate('window.__xss')).resolves.toBeUndefined();
  await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
  await expect(app.locator('img[onerror], script:not([src])').count()).resolves.toBe(0);
});

test('screenshots of the panel in dark and of the admin page in both themes', async () => {
  await openIssue(page, workbench.url, ticket.key, { theme: 'dark' });
  await expect(
    panelAppFrame().evaluate('document.documentElement.getAttribute("data-color-mode")'),
  ).resolves.toBe('dark');
  await saveScreenshot(page, 'panel-dark.png');

  for (const theme of ['light', 'dark'] as const) {
    const admin = await openAdmin(page, workbench.url, { theme });
    await admin.locator('[data-testid="precision-coverage-chart"]').first().waitFor();
    await saveScreenshot(page, `admin-${theme}.png`);
  }
});
