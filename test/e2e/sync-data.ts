/**
 * What the sync e2e specs (issue #25) read and prepare beside the UI, shared by sync.spec.ts (two
 * Chromium profiles) and sync-firefox.spec.ts (Chromium ↔ Firefox ESR): a device's library as its
 * list shows it and as its IndexedDB holds it (read in one of its extension pages, playwright or
 * puppeteer alike), a library file of many small articles for Import, the news article updated by
 * its publisher, and the server's document count.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { PASSWORD, USER } from '../support/couch-server';
import { toRecords } from '../../src/store/article-record';
import { plainArticle } from './plain-article.js';
import { expect } from 'vitest';
import { ARTICLE_PATH } from './library-site';
import { clickAction, overlayEval, serveDir, type ChromiumSession, type Served } from './harness';

type AnyPage = Page | PuppeteerPage;

/** Every stored value of one of a device's IndexedDB stores (the library's tables). */
const storeValues = <T>(page: AnyPage, store: string): Promise<T[]> =>
  (page as Page).evaluate(
    (name: string) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('dateline-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(name).objectStore(name).getAll();
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as T[]);
          };
        };
      }),
    store,
  );

/** The paragraph the publisher adds in `publishUpdate`, and a phrase of it to look for. */
export const UPDATE_MARK = 'talks in Berlin';

/** The news article as its publisher updates it: one paragraph added (the site serves the new file). */
export async function publishUpdate(siteDir: string): Promise<void> {
  const file = path.join(siteDir, ARTICLE_PATH, 'index.html');
  const html = await readFile(file, 'utf8');
  const added = `<p>Update: the ${UPDATE_MARK} were postponed to next week.</p>`;
  await writeFile(
    file,
    html.replace('<p>Russia denies the existence of the group in Libya.</p>', (m) => m + added),
  );
}

/** Per article: whether its current text (HTML) holds the update's paragraph. */
/**
 * The publisher adds a paragraph (the site served again on its port); a Chromium profile opens the
 * article and saves it again: "Updated in your library", the earlier text kept as a version. Returns
 * the site, closed again.
 */
export async function saveUpdatedArticle(session: ChromiumSession, siteDir: string, was: Served): Promise<Served> {
  await publishUpdate(siteDir);
  const site = await serveDir(siteDir, Number(new URL(was.url).port));
  const page = await session.ctx.newPage();
  await page.goto(site.url + ARTICLE_PATH);
  await clickAction(session.ctx, page, session.extensionId);
  await page.locator('dateline-reader button[data-action="save"]').click();
  await expect
    .poll(() => overlayEval(page, (root) => root.querySelector('.status')?.textContent ?? ''), { timeout: 15_000 })
    .toMatch(/Updated in your library/);
  await page.close();
  await site.close();
  return site;
}

export const storedUpdated = async (page: AnyPage): Promise<boolean[]> =>
  (await storeValues<{ content: string }>(page, 'bodies')).map((b) => b.content.includes(UPDATE_MARK));

/** Per earlier version: whether it holds the update's paragraph. */
export const storedVersions = async (page: AnyPage): Promise<boolean[]> =>
  (await storeValues<{ body: { content: string } }>(page, 'versions')).map((v) => v.body.content.includes(UPDATE_MARK));

/** What a device's library holds, read from its IndexedDB: [id, url] per article. */
export const stored = async (page: AnyPage): Promise<Array<[string, string]>> =>
  (await storeValues<{ id: string; url: string }>(page, 'articles')).map((r) => [r.id, r.url]);

/** The library list as shown: per row its id, title, read state and earlier-versions note. */
export const listRows = (
  page: AnyPage,
): Promise<Array<{ id: string; title: string; read: boolean; versions: string }>> =>
  (page as Page).evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#list > li[data-id]')).map((li) => ({
      id: li.dataset.id ?? '',
      title: (li.querySelector('.title')?.textContent ?? '').trim(),
      read: li.classList.contains('read'),
      versions: (li.querySelector('.versions')?.textContent ?? '').trim(),
    })),
  );

/** The Sync section's status line and message line, read without waiting for them. */
export const syncLines = (page: AnyPage): Promise<{ status: string; message: string }> =>
  (page as Page).evaluate(() => ({
    status: document.getElementById('sync-status')?.textContent ?? '',
    message: document.getElementById('sync-message')?.textContent ?? '',
  }));

/** A library file of `n` small articles in `dir` (the library's Import reads it). */
export async function libraryFile(dir: string, n: number, tag = 'sync'): Promise<string> {
  const entries = Array.from({ length: n }, (_, i) => {
    const text = `Report ${i} from the sync test. ${'words about the news '.repeat(30)}`;
    const article = plainArticle(`https://news${i % 5}.example/${tag}/${i}`, `${tag} story ${i}`, text, 120);
    const parts = toRecords(article, {
      id: `${tag}-${i}`,
      savedAt: 1_700_000_000_000 + i * 60_000,
      updatedAt: 1_700_000_000_000 + i * 60_000,
      read: 0,
      versions: 0,
      images: { mode: 'store', stored: 0, skipped: 0, bytes: 0 },
    });
    const { id: _id, ...body } = parts.body;
    return { record: parts.record, body, versions: [], images: [] };
  });
  const file = path.join(dir, `${tag}-library.json`);
  await writeFile(
    file,
    JSON.stringify({
      format: 'dateline-reader-library',
      version: 1,
      exportedAt: new Date().toISOString(),
      articles: entries,
    }),
  );
  return file;
}

/** How many documents the server's database `db` holds; -1 while the server does not answer. */
export async function serverDocs(origin: string, db: string): Promise<number> {
  try {
    const res = await fetch(`${origin}/${db}`, {
      headers: { authorization: `Basic ${btoa(`${USER}:${PASSWORD}`)}` },
    });
    return ((await res.json()) as { doc_count: number }).doc_count;
  } catch {
    return -1;
  }
}
