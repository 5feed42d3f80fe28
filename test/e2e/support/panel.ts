import type { FrameLocator, Locator, Page } from 'playwright-core';

export const SECTIONS = ['classification', 'routing', 'similar', 'sla'] as const;

export interface ViewOptions {
  theme?: 'light' | 'dark';
  locale?: 'en' | 'de';
}

function query(options: ViewOptions): string {
  return `theme=${options.theme ?? 'light'}&locale=${options.locale ?? 'en'}`;
}

export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="issue-panel-frame"]');
}

export function adminFrame(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="admin-frame"]');
}

/** Waits until the panel has answered: every section settled, or the panel-wide error shown. */
export async function waitForPanel(frame: FrameLocator): Promise<void> {
  await frame
    .locator('[data-testid="panel-error"], [data-testid="section-sla"]:not([data-state="loading"])')
    .first()
    .waitFor({ timeout: 60_000 });
}

/** Opens the emulated issue view and waits for the Triage Lens panel inside it. */
export async function openIssue(
  page: Page,
  baseUrl: string,
  key: string,
  options: ViewOptions = {},
): Promise<FrameLocator> {
  await page.goto(`${baseUrl}/browse/${encodeURIComponent(key)}?${query(options)}`);
  const frame = panelFrame(page);
  await waitForPanel(frame);
  return frame;
}

/** Opens the workbench's admin page and waits for the app's tabs. */
export async function openAdmin(
  page: Page,
  baseUrl: string,
  options: ViewOptions = {},
): Promise<FrameLocator> {
  await page.goto(`${baseUrl}/admin?${query(options)}`);
  const frame = adminFrame(page);
  await frame.locator('[data-testid="save-config"]').waitFor({ timeout: 60_000 });
  await frame.locator('[data-testid="fields-table"]').waitFor({ timeout: 60_000 });
  return frame;
}

/** The `<suffix>` of the first element whose data-testid starts with `prefix`, e.g. a field id. */
export async function firstTestIdSuffix(
  scope: FrameLocator | Locator,
  prefix: string,
): Promise<string | null> {
  const first = scope.locator(`[data-testid^="${prefix}"]`).first();
  if ((await first.count()) === 0) return null;
  const id = await first.getAttribute('data-testid');
  return id === null ? null : id.slice(prefix.length);
}

/**
 * A fresh browser has no workbench session, so the first page is the user picker: picks the
 * first user on it (the admins come first) and waits for the page it returns to.
 */
export async function pickFirstUser(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('[data-testid="user-picker"]').waitFor({ timeout: 60_000 });
  await Promise.all([
    page.waitForURL(`${baseUrl}/`),
    page.locator('[data-testid^="pick-user-"]').first().click(),
  ]);
  await page.locator('[data-testid="user-switcher"]').waitFor();
}

/**
 * The flag an agent action showed: Forge's `showFlag`, which the workbench (like Jira) draws on
 * the host page, outside the panel's iframe.
 */
export function flag(page: Page, text: string | RegExp): Locator {
  return page.locator('[data-testid="workbench-flag"]', { hasText: text });
}
