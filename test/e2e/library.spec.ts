/**
 * The library in real Chromium with the test build (dist/chrome-e2e), as a user goes through it:
 * save from the overlay → the article is in the library page → it reads offline (the site is shut
 * down) with its text and its photo → it is still there after a browser restart on the same
 * profile → export → import round trip gives identical articles → delete + undo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  clickAction,
  launchChromium,
  overlayEval,
  readOverlay,
  serveDir,
  waitForOverlay,
  SCREENSHOTS,
  type ChromiumSession,
  type Served,
} from './harness';
import { ARTICLE_PATH, ARTICLE_TITLE, buildNewsSite } from './library-site';

let session: ChromiumSession;
let site: Served | null = null;
let siteDir: string;
let profileDir: string;

async function libraryPage(s: ChromiumSession): Promise<Page> {
  const page = await s.ctx.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/library.html`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 10_000 });
  return page;
}

const rowTitles = (page: Page): Promise<string[]> =>
  page.$$eval('#list li .title', (els) => els.map((e) => (e.textContent ?? '').trim()));

/** What the offline reader shows of the article's pictures: loaded data: images, by natural size. */
function articleImages(page: Page): Promise<Array<{ src: string; w: number; h: number }>> {
  return overlayEval(page, async (root) => {
    const imgs = Array.from(root.querySelectorAll('.article-body img')) as HTMLImageElement[];
    // The sanitizer makes images lazy: scroll to them as a reader would.
    for (const i of imgs) i.scrollIntoView();
    await Promise.all(
      imgs.map((i) =>
        i.complete
          ? null
          : new Promise((r) => {
              i.onload = i.onerror = r;
              setTimeout(r, 5000);
            }),
      ),
    );
    return imgs.map((i) => ({ src: i.src.slice(0, 22), w: i.naturalWidth, h: i.naturalHeight }));
  });
}

beforeAll(async () => {
  siteDir = await buildNewsSite();
  site = await serveDir(siteDir);
  profileDir = await mkdtemp(path.join(tmpdir(), 'dr-library-profile-'));
  session = await launchChromium({ profileDir });
});

afterAll(async () => {
  await session?.close();
  await site?.close();
  await rm(profileDir, { recursive: true, force: true });
  await rm(siteDir, { recursive: true, force: true });
});

describe('library (Chromium)', () => {
  it('saves from the overlay; the article appears in the library and reads offline with its photo', async () => {
    const page = await session.ctx.newPage();
    await page.goto(site!.url + ARTICLE_PATH);
    await clickAction(session.ctx, page, session.extensionId);
    expect((await readOverlay(page)).title).toBe(ARTICLE_TITLE);
    // A real click: the overlay ignores a page script's .click() on its buttons (hostile.spec.ts).
    await page.locator('dateline-reader button[data-action="save"]').click();
    await expect
      .poll(() => overlayEval(page, (root) => root.querySelector('.status')?.textContent ?? ''), { timeout: 15_000 })
      .toMatch(/Saved to your library/);

    // The site goes away: everything from here on is offline.
    await site!.close();
    site = null;
    await page.close();

    const lib = await libraryPage(session);
    expect(await rowTitles(lib)).toEqual([ARTICLE_TITLE]);
    const meta = await lib.$eval('#list li .meta', (e) => e.textContent ?? '');
    expect(meta).toMatch(/Haberler|en\.haberler\.com/);
    expect(meta).toMatch(/Saved /);
    expect(meta).toMatch(/\d+ min read/);
    // The storage line is measured after the list is ready (navigator.storage.estimate): wait for it.
    await expect.poll(() => lib.textContent('#storage')).toMatch(/1 article · 2 images/);

    await lib.click('#list li .title');
    expect(await waitForOverlay(lib)).toBe(true);
    const shown = await readOverlay(lib);
    expect(shown.title).toBe(ARTICLE_TITLE);
    expect(shown.articleText).toContain('Khalifa Haftar');
    expect(shown.articleText).toContain('Tripoli, the capital.');
    expect(shown.related.length).toBeGreaterThan(0);
    const imgs = await articleImages(lib);
    expect(imgs).toEqual([{ src: 'data:image/png;base64,', w: 320, h: 180 }]);
    await lib.screenshot({ path: path.join(SCREENSHOTS, 'library-offline-reader.png') });
    // Opening it marked it read.
    await lib.keyboard.press('Escape');
    expect(await waitForOverlay(lib, false)).toBe(true);
    await expect.poll(() => lib.$eval('#list li', (e) => e.classList.contains('read'))).toBe(true);
    await lib.screenshot({ path: path.join(SCREENSHOTS, 'library-list.png') });
    await lib.close();
  });

  it('survives a browser restart with the same profile', async () => {
    await session.close();
    session = await launchChromium({ profileDir });
    const lib = await libraryPage(session);
    expect(await rowTitles(lib)).toEqual([ARTICLE_TITLE]);
    await lib.click('#list li .title');
    expect(await waitForOverlay(lib)).toBe(true);
    expect((await readOverlay(lib)).articleText).toContain('Khalifa Haftar');
    expect((await articleImages(lib))[0]!.w).toBe(320);
    await lib.close();
  });

  it('search finds it while typing, and filters narrow the list', async () => {
    const lib = await libraryPage(session);
    const typed = async (text: string): Promise<string[]> => {
      // The complete answer (one drawn while the search rows still load is marked partial).
      const rendered = lib.evaluate(
        () =>
          new Promise((r) =>
            document.addEventListener('library:rendered', function on(e) {
              if (!(e as CustomEvent<{ partial: boolean }>).detail.partial) {
                document.removeEventListener('library:rendered', on);
                r(null);
              }
            }),
          ),
      );
      await lib.fill('#search', text);
      await rendered;
      return rowTitles(lib);
    };
    expect(await typed('wagn')).toEqual([ARTICLE_TITLE]);
    expect(await typed('tripoli esper')).toEqual([ARTICLE_TITLE]);
    expect(await typed('zebra')).toEqual([]);
    expect(await lib.textContent('#empty')).toMatch(/No saved article matches/);
    await typed('');
    // The filters sit behind one "Filter" button, which counts those in use.
    await lib.click('#filter-toggle');
    await lib.selectOption('#read', 'unread');
    expect(await lib.textContent('#filter-count')).toBe('1');
    await expect.poll(() => rowTitles(lib)).toEqual([]);
    await lib.selectOption('#read', 'all');
    await expect.poll(() => rowTitles(lib)).toEqual([ARTICLE_TITLE]);
    await lib.close();
  });

  it('export → delete → import gives back identical articles', async () => {
    const lib = await libraryPage(session);
    const exportFile = async (): Promise<Record<string, unknown>> => {
      const [download] = await Promise.all([lib.waitForEvent('download'), lib.click('#export')]);
      const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, unknown>;
      delete file.exportedAt;
      return file;
    };
    const before = await exportFile();
    const articles = before.articles as Array<{ record: { title: string }; images: unknown[] }>;
    expect(articles.map((a) => a.record.title)).toEqual([ARTICLE_TITLE]);
    expect(articles[0]!.images).toHaveLength(2);
    const saved = path.join(profileDir, 'export.json');
    await (
      await import('node:fs/promises')
    ).writeFile(saved, JSON.stringify({ ...before, exportedAt: new Date().toISOString() }));

    await lib.check('#select-all');
    await lib.click('#bulk-delete');
    await expect.poll(() => rowTitles(lib)).toEqual([]);
    await lib.setInputFiles('#import-file', saved);
    await expect
      .poll(() => lib.textContent('#report'))
      .toMatch(/Imported 1, replaced 0 older, 0 already in the library/);
    await expect.poll(() => rowTitles(lib)).toEqual([ARTICLE_TITLE]);
    expect(await exportFile()).toEqual(before);
    await lib.close();
  });

  it('delete, then undo, puts the article back readable', async () => {
    const lib = await libraryPage(session);
    await lib.click('#list li button[data-act="delete"]');
    await expect.poll(() => rowTitles(lib)).toEqual([]);
    expect(await lib.isVisible('#toast')).toBe(true);
    expect(await lib.textContent('#toast-text')).toContain(ARTICLE_TITLE);
    await lib.click('#toast-undo');
    await expect.poll(() => rowTitles(lib)).toEqual([ARTICLE_TITLE]);
    await lib.click('#list li .title');
    expect(await waitForOverlay(lib)).toBe(true);
    expect((await readOverlay(lib)).articleText).toContain('Khalifa Haftar');
    expect((await articleImages(lib))[0]!.w).toBe(320);
    await lib.close();
  });
});
