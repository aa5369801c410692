/**
 * Issue #23 (library and options) in real Chromium: screenshots of the library (empty, five articles,
 * 400 px; light and dark) and of the options page (1280 and 400 px) for a person to look at; axe-core
 * finds no serious or critical violation; neither page scrolls sideways at 320, 400, 1280 or 1920 px;
 * the keyboard moves through the list, opens and deletes (with undo).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, waitForOverlay, SCREENSHOTS, type ChromiumSession } from './harness';
import { AXE_RUN, AXE_SOURCE, OVERFLOW_X, SEED_TITLES, seedLibraryScript } from './design-seed';

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
});

async function open(file: string): Promise<Page> {
  const page = await session.ctx.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${file}`);
  if (file === 'library.html') await page.waitForSelector('body[data-state="ready"]');
  else await page.waitForSelector('#suggestions tr');
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(AXE_RUN);
}

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: path.join(SCREENSHOTS, `design-${name}.png`), fullPage: false });

/** Waits until every row that has a stored picture shows it. */
const thumbsLoaded = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => {
    const boxes = Array.from(document.querySelectorAll('#list .thumb[data-thumb]'));
    return boxes.length > 0 && boxes.every((b) => (b.querySelector('img') as HTMLImageElement | null)?.complete);
  });

const rowTitles = (page: Page): Promise<string[]> =>
  page.$$eval('#list li .title', (els) => els.map((e) => (e.textContent ?? '').trim()));

describe('library and options as designed (Chromium)', () => {
  it('empty library: a calm empty state, no a11y violations', async () => {
    const page = await open('library.html');
    expect(await page.textContent('#empty')).toMatch(/Nothing saved yet/);
    await shot(page, 'library-empty');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('five articles: thumbnails from stored pictures, excerpts, light and dark, 1280 and 400 px', async () => {
    const page = await open('library.html');
    expect(await page.evaluate(seedLibraryScript())).toBe(true);
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    expect(await rowTitles(page)).toHaveLength(5);
    await thumbsLoaded(page);
    // Pictures come from the library as data: URLs, never from the publisher.
    const srcs = await page.$$eval('#list .thumb img', (imgs) =>
      imgs.map((i) => (i as HTMLImageElement).src.slice(0, 15)),
    );
    expect(srcs).toEqual(['data:image/png;', 'data:image/png;']);
    // The Arabic row's English details stay in order (each field isolated).
    const arabic = await page.$eval('#list li[data-id="d-1"] .meta', (m) =>
      Array.from(m.children).map((c) => c.tagName),
    );
    expect(new Set(arabic)).toEqual(new Set(['BDI']));
    expect(await page.textContent('#list li[data-id="d-1"] .images-note')).toBe('1 image as links');
    await shot(page, 'library-5-light-1280');
    expect(await axe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'library-5-dark-1280');
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 400, height: 800 });
    await shot(page, 'library-5-dark-400');
    await page.emulateMedia({ colorScheme: 'light' });
    await shot(page, 'library-5-light-400');
    // The filters and a row's menu, open.
    await page.click('#filter-toggle');
    await page.selectOption('#read', 'unread');
    await expect.poll(() => rowTitles(page)).toHaveLength(4);
    expect(await page.textContent('#filter-count')).toBe('1');
    await page.click('#list li[data-id="d-0"] .menu-button');
    expect(await page.isVisible('#menu-d-0')).toBe(true);
    // The whole menu shows (a row's content-visibility would clip it): its last item can be clicked.
    expect(
      await page.evaluate(() => {
        const del = document.querySelector('#menu-d-0 [data-act="delete"]')!.getBoundingClientRect();
        const hit = document.elementFromPoint(del.left + del.width / 2, del.top + del.height / 2);
        return hit?.getAttribute('data-act');
      }),
    ).toBe('delete');
    await shot(page, 'library-filter-menu-400');
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#menu-d-0')).toBe(false);
    await page.close();
  });

  it('neither page scrolls sideways at 320, 400, 1280 or 1920 px', async () => {
    for (const file of ['library.html', 'options.html']) {
      const page = await open(file);
      for (const width of [320, 400, 1280, 1920]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await page.evaluate(OVERFLOW_X), `${file} at ${width} px`).toBe(0);
      }
      await page.close();
    }
  });

  it('keyboard: j/k move, Enter opens, Delete deletes with undo, / goes to the search', async () => {
    const page = await open('library.html');
    const current = (): Promise<string | null> =>
      page.evaluate(() => (document.activeElement as HTMLElement).dataset.id ?? null);
    await page.keyboard.press('j');
    expect(await current()).toBe('d-4');
    await page.keyboard.press('j');
    expect(await current()).toBe('d-3');
    await page.keyboard.press('k');
    expect(await current()).toBe('d-4');
    await page.keyboard.press('Enter');
    expect(await waitForOverlay(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
    await page.locator('#list li[data-id="d-4"]').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => rowTitles(page)).toHaveLength(4);
    expect(await page.textContent('#toast-text')).toContain(SEED_TITLES[4]);
    // The keyboard stays in the list, on the next row.
    await expect.poll(current).toBe('d-3');
    await page.click('#toast-undo');
    await expect.poll(() => rowTitles(page)).toHaveLength(5);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.close();
  });

  it('options: your sites apart from suggestions, a next step when on with none, reading defaults', async () => {
    const page = await open('options.html');
    expect(await page.$$eval('#rows tr', (r) => r.length)).toBe(0);
    expect(await page.$$eval('#suggestions tr', (r) => r.length)).toBeGreaterThan(100);
    expect(await page.$$eval('#suggestions button', (b) => [...new Set(b.map((x) => x.textContent))])).toEqual(['Add']);
    await page.check('#enabled');
    await expect.poll(() => page.isVisible('#next-step')).toBe(true);
    expect(await page.textContent('#enabled-hint')).toMatch(/no site is chosen yet/);
    expect(await page.getAttribute('#library-link', 'href')).toBe('library.html');
    await shot(page, 'options-1280');
    expect(await axe(page)).toEqual([]);
    // Reading defaults write the reader's settings (storage.sync) and the page takes the theme.
    await page.click('#theme label.swatch-dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    type SyncGlobal = { chrome: { storage: { sync: { get(k: string): Promise<unknown> } } } };
    const stored = await session.sw.evaluate(() =>
      (globalThis as unknown as SyncGlobal).chrome.storage.sync.get('readerSettings'),
    );
    expect((stored as { readerSettings: { theme: string } }).readerSettings.theme).toBe('dark');
    await page.setViewportSize({ width: 400, height: 800 });
    await shot(page, 'options-dark-400');
    expect(await axe(page)).toEqual([]);
    await page.click('#theme label.swatch-light');
    await shot(page, 'options-400');
    // A site of your own (Never needs no permission): listed under "Your sites" with Remove.
    await page.fill('#add-site', 'example.com');
    await page.selectOption('#add-mode', 'never');
    await page.click('#add-button');
    await page.waitForSelector('#rows tr[data-site="example.com"] button[data-remove]');
    expect(await page.isVisible('#mine-empty')).toBe(false);
    await page.locator('#mine-title').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('mine-title')!.scrollIntoView());
    await shot(page, 'options-sites-400');
    await page.click('#rows tr[data-site="example.com"] button[data-remove]');
    await page.waitForSelector('#rows tr[data-site="example.com"]', { state: 'detached' });
    await page.click('#theme label:first-child');
    await page.uncheck('#enabled');
    await page.close();
  });
});
