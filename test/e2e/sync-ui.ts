/**
 * The library's Sync section driven as a user does, in a Chromium profile (issue #25): shared by
 * sync.spec.ts (two Chromium profiles) and sync-firefox.spec.ts (Chromium ↔ Firefox ESR).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChromiumSession } from './harness';
import { PASSWORD, USER } from '../support/couch-server';

export async function libraryPage(s: ChromiumSession): Promise<Page> {
  const page = await s.ctx.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/library.html`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 10_000 });
  return page;
}

export const rowTitles = (page: Page): Promise<string[]> =>
  page.$$eval('#list li .title', (els) => els.map((e) => (e.textContent ?? '').trim()));

export interface SyncFields {
  origin: string;
  database: string;
  password?: string;
  passphrase?: string;
}

export async function fillSync(page: Page, f: SyncFields): Promise<void> {
  if (!(await page.$eval('#sync details', (d) => (d as HTMLDetailsElement).open))) await page.click('#sync summary');
  await page.fill('#sync input[name="url"]', f.origin);
  await page.fill('#sync input[name="database"]', f.database);
  await page.fill('#sync input[name="user"]', USER);
  await page.fill('#sync input[name="password"]', f.password ?? PASSWORD);
  await page.fill('#sync input[name="passphrase"]', f.passphrase ?? '');
}

/** Fills the form, "Turn sync on", and waits for the first pass to end without a message. */
export async function turnOn(page: Page, f: SyncFields): Promise<void> {
  await fillSync(page, f);
  await page.getByRole('button', { name: 'Turn sync on' }).click();
  await expect.poll(() => page.textContent('#sync-status'), { timeout: 60_000 }).toMatch(/Last synced/);
  expect(await page.textContent('#sync-message')).toBe('');
}
