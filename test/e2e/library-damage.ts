/**
 * Shared by library-damage.spec.ts (Chromium) and library-firefox.spec.ts: a library file of many
 * good articles, a damaged record as an import before issue #17's rules could have stored it, and
 * a file of hostile entries that import must refuse (or, for a clashing id, import beside).
 */
import { searchRecord, toRecords } from '../../src/store/article-record';
import type { ExtractResult } from '../../src/core/types';
import { plainArticle } from './plain-article.js';

export const FILE_FORMAT = { format: 'dateline-reader-library', version: 1, exportedAt: '2026-12-01T00:00:00.000Z' };

export function storyTitle(i: number): string {
  return `Story ${i} about the harbour`;
}

function article(i: number): ExtractResult {
  const text = `Report ${i}. ${'Words about the harbour and the storm. '.repeat(10)}`;
  return plainArticle(`https://news${i % 5}.example/story/${i}`, storyTitle(i), text, 80, {
    dateline: {
      published: '2024-03-12T14:05',
      modified: null,
      precision: 'minute',
      place: null,
      agency: null,
      text: '',
      source: 'meta',
    },
  });
}

export function entry(i: number) {
  const t = 1_700_000_000_000 + i * 60_000;
  const images = { mode: 'store' as const, stored: 0, skipped: 0, bytes: 0 };
  const parts = toRecords(article(i), { id: `a-${i}`, savedAt: t, updatedAt: t, read: 0, versions: 0, images });
  const { id: _id, ...body } = parts.body;
  return { record: parts.record, body, versions: [] as unknown[], images: [] as unknown[] };
}

/** A library export of `n` good articles (ids a-0 … a-(n-1)). */
export function libraryFile(n: number): string {
  return JSON.stringify({ ...FILE_FORMAT, articles: Array.from({ length: n }, (_, i) => entry(i)) });
}

/** A page script that writes `n` good articles straight into the library's IndexedDB (records, bodies, search rows). */
export function seedScript(n: number): string {
  const entries = Array.from({ length: n }, (_, i) => entry(i));
  const rows = entries.map((e) => ({
    record: e.record,
    body: { ...e.body, id: e.record.id },
    search: searchRecord(e.record, e.body),
  }));
  return putScript(rows);
}

function putScript(rows: Array<{ record: unknown; body: unknown; search: unknown }>): string {
  return `new Promise((resolve, reject) => {
    const rows = ${JSON.stringify(rows)};
    const open = indexedDB.open('dateline-library');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'bodies', 'search'], 'readwrite');
      for (const r of rows) {
        tx.objectStore('articles').put(r.record);
        tx.objectStore('bodies').put(r.body);
        tx.objectStore('search').put(r.search);
      }
      tx.oncomplete = () => { db.close(); resolve(true); };
      tx.onerror = () => reject(tx.error);
    };
  })`;
}

export const DAMAGED_TITLE = 'Damaged import from an older version';
export const DAMAGED_PAGE = 'https://damaged.example/world/story.html';

/**
 * A record as the library stored it before issue #17: dates the list cannot format (1e20), a
 * dateline whose `modified` is a number, and a relative link to the extension's permission page.
 * Written straight into IndexedDB by the page (string: evaluated in the extension page).
 */
export function damagedRecordScript(): string {
  const e = entry(99_999);
  const record = {
    ...e.record,
    id: 'damaged-1',
    url: DAMAGED_PAGE,
    pageUrl: DAMAGED_PAGE,
    title: DAMAGED_TITLE,
    site: 'damaged.example',
    savedAt: 1e20,
    updatedAt: 1e20,
    publishedAt: 1e20,
    dateline: { ...e.record.dateline, modified: 5 },
  };
  const content = '<p>Still readable. <a href="options.html?grant=damaged.example">Settings</a></p>';
  const body = { ...e.body, id: 'damaged-1', content };
  const search = { id: 'damaged-1', title: ' damaged import', text: ' damaged import still readable' };
  return putScript([{ record, body, search }]);
}

/** Entries an import must refuse, by what a user would see, and one whose id clashes with a-5. */
export function hostileFile(): string {
  const spoil = (i: number, f: (e: ReturnType<typeof entry>) => void) => {
    const e = entry(50_000 + i);
    e.record.title = `Hostile ${i}`;
    f(e);
    return e;
  };
  return JSON.stringify({
    ...FILE_FORMAT,
    articles: [
      spoil(0, (e) => {
        e.record.savedAt = 1e20;
      }),
      spoil(1, (e) => {
        e.record.updatedAt = 1e20;
      }),
      spoil(2, (e) => {
        (e.record.dateline as { modified: unknown }).modified = 5;
      }),
      spoil(3, (e) => {
        e.record.id = 'a-5';
        e.record.title = 'Same id as story 5';
      }),
    ],
  });
}
