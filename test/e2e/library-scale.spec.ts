/**
 * The library page with a few hundred articles in real Chromium (dist/chrome-e2e): what the staged
 * open promises (library-page.ts), checked in the page as it happens, not by timing:
 *   - the first screenful is drawn from the newest articles before the whole list is read
 *     (<body data-state="loading"> with PAGE rows while the count says all of them);
 *   - a search typed at that moment is answered, and any answer drawn before the search rows are
 *     all in says "still loading"; the final answer equals a fresh full search;
 *   - with the search cache written (searchPacks), a reload answers the same as a fresh full search.
 * Expected answers come from the store code itself in Node over the same records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness';
import { searchRecord, toRecords } from '../../src/store/article-record';
import { SearchIndex } from '../../src/store/search-index';
import { applyQuery, DEFAULT_QUERY } from '../../src/library/list-query';
import type { ArticleRecord } from '../../src/store/record';
import type { ExtractResult } from '../../src/core/types';
import { plainArticle } from './plain-article.js';

const N = 400;
const PAGE = 50;
const WORDS = [
  'tripoli',
  'tripartite',
  'haftar',
  'hafiz',
  'offensive',
  'office',
  'libya',
  'liberia',
  'ankara',
  'ceasefire',
  'misrata',
  'sirte',
];

function article(i: number): ExtractResult {
  const picked = WORDS.filter((_, k) => ((i * 7919) >> k) & 1);
  const text = `Report ${i}. ${picked.join(' ')} ${'filler words about the news '.repeat(20)}`;
  return plainArticle(
    `https://news${i % 5}.example/story/${i}`,
    `Story ${i} ${picked.slice(0, 2).join(' ')}`,
    text,
    200,
  );
}

let session: ChromiumSession;
let dir: string;
let records: ArticleRecord[];
let fullSearch: SearchIndex;

/** What a fresh full search shows: the count and the titles of the first page. */
function expected(q: string): { count: number; titles: string[] } {
  const hits = fullSearch.query(q);
  const rows = applyQuery(
    [...records].sort((a, b) => b.savedAt - a.savedAt),
    DEFAULT_QUERY,
    hits,
  );
  return { count: rows.length, titles: rows.slice(0, PAGE).map((r) => r.title) };
}

const shownRows = (page: Page): Promise<string[]> =>
  page.$$eval('#list li .title', (els) => els.map((e) => (e.textContent ?? '').trim()));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dr-library-scale-'));
  const entries = Array.from({ length: N }, (_, i) => {
    const parts = toRecords(article(i), {
      id: `a-${i}`,
      savedAt: 1_700_000_000_000 + i * 60_000,
      updatedAt: 1_700_000_000_000 + i * 60_000,
      read: 0,
      versions: 0,
      images: { mode: 'store', stored: 0, skipped: 0, bytes: 0 },
    });
    const { id: _id, ...body } = parts.body;
    return { record: parts.record, body, versions: [], images: [] };
  });
  records = entries.map((e) => e.record);
  fullSearch = new SearchIndex(entries.map((e) => searchRecord(e.record, e.body)));
  await writeFile(
    path.join(dir, 'library.json'),
    JSON.stringify({
      format: 'dateline-reader-library',
      version: 1,
      exportedAt: new Date().toISOString(),
      articles: entries,
    }),
  );
  session = await launchChromium();
  // Records, as they happen, each state the page passes through and each list it draws.
  await session.ctx.addInitScript(() => {
    const log: Array<Record<string, unknown>> = [];
    (window as unknown as { __log: typeof log }).__log = log;
    const snap = (kind: string, extra: Record<string, unknown> = {}): void => {
      log.push({
        kind,
        state: document.body?.dataset.state ?? '',
        rows: document.querySelectorAll('#list li').length,
        shown: document.getElementById('shown')?.textContent ?? '',
        ...extra,
      });
    };
    document.addEventListener('library:rendered', (e) =>
      snap('rendered', { partial: (e as CustomEvent<{ partial: boolean }>).detail.partial }),
    );
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver(() => {
        snap('state');
        // A search typed the moment the first rows show.
        const input = document.getElementById('search') as HTMLInputElement;
        if (document.body.dataset.state === 'loading' && sessionStorage.getItem('type-on-open') && !input.value) {
          input.value = sessionStorage.getItem('type-on-open')!;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
    });
  });
});

afterAll(async () => {
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('library at a few hundred articles (Chromium)', () => {
  it('draws the newest page before reading the whole list; a search typed then ends equal to a fresh full search', async () => {
    const page = await session.ctx.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/library.html`);
    await page.waitForSelector('body[data-state="ready"]');
    await page.setInputFiles('#import-file', path.join(dir, 'library.json'));
    await expect.poll(() => page.textContent('#report'), { timeout: 60_000 }).toMatch(new RegExp(`Imported ${N},`));

    await page.evaluate(() => sessionStorage.setItem('type-on-open', 'tripoli haf'));
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('library:index-ready').length > 0, null, {
      timeout: 30_000,
    });
    const want = expected('tripoli haf');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { __log: Array<{ kind: string; partial?: boolean }> }).__log.some(
            (l) => l.kind === 'rendered' && l.partial === false && l,
          ),
        ),
      )
      .toBe(true);
    const log = await page.evaluate(
      () =>
        (
          window as unknown as {
            __log: Array<{ kind: string; state: string; rows: number; shown: string; partial?: boolean }>;
          }
        ).__log,
    );

    // The first screenful came before the whole list: PAGE rows while the count already says all.
    const loading = log.find((l) => l.kind === 'state' && l.state === 'loading');
    expect(loading).toMatchObject({ rows: PAGE, shown: `${N} articles` });
    expect(log.findIndex((l) => l.state === 'loading')).toBeLessThan(log.findIndex((l) => l.state === 'ready'));
    // Every answer drawn before the search rows were all in said so.
    for (const l of log.filter((x) => x.kind === 'rendered' && x.partial))
      expect(l.shown).toMatch(/still loading the search/);
    // The last answer is the full search's.
    const last = log.filter((x) => x.kind === 'rendered').at(-1)!;
    expect(last.partial).toBe(false);
    expect(await page.textContent('#shown')).toBe(`${want.count} of ${N} articles`);
    expect(await shownRows(page)).toEqual(want.titles);
    await page.close();
  });

  it('once the search cache is written, a reload answers every query as a fresh full search does', async () => {
    const page = await session.ctx.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/library.html`);
    await page.waitForFunction(() => performance.getEntriesByName('library:index-ready').length > 0, null, {
      timeout: 30_000,
    });
    // The page writes the cache when idle; wait for it in the database itself.
    const packs = (): Promise<number> =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('dateline-library');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const req = db.transaction('searchPacks').objectStore('searchPacks').count();
              req.onsuccess = () => {
                db.close();
                resolve(req.result);
              };
            };
          }),
      );
    await expect.poll(packs, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('library:index-ready').length > 0, null, {
      timeout: 30_000,
    });
    for (const q of [
      't',
      'tr',
      'tri',
      'trip',
      'tripoli',
      'tripoli h',
      'tripoli ha',
      'haftar',
      'of',
      'offi',
      'lib',
      'misrata sirte',
      'report 12',
      'zebra',
    ]) {
      const want = expected(q);
      const done = page.evaluate(
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
      await page.fill('#search', q);
      await done;
      expect(await shownRows(page), `query "${q}"`).toEqual(want.titles);
      expect(await page.textContent('#shown'), `query "${q}"`).toBe(
        want.count === N ? `${N} articles` : `${want.count} of ${N} articles`,
      );
    }
    await page.close();
  });
});
