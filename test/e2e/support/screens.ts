import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** Saves a PNG into docs/screenshots/ (referenced from the README). */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name);
  await target.screenshot({ path, animations: 'disabled' });
  return path;
}
