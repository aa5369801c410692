/**
 * Reading the library: the first screenful and the list (summaries only, never bodies), one article
 * with everything needed to read it offline, its earlier versions, and the search rows the
 * in-memory index is built from (the page reads those through search-cache.ts).
 * Every record is checked as it is read (record-check.ts): one the library cannot show as stored
 * comes back mended, with `problem` saying what is wrong, so it never breaks the page.
 */
import type { LibraryDatabase } from './database.js';
import type { ArticleSummary, FullArticle, SearchRecord, VersionRecord } from './record.js';
import { LibraryError, toLibraryError } from './library-error.js';
import { checkRecord, mendBody, mendRecord } from './record-check.js';

async function guard<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toLibraryError(e);
  }
}

/**
 * Every article's summary, newest saved first. Read in primary-key order and sorted here: a
 * reversed index walk is a cursor (one IPC round trip per article in Chrome), a plain table read
 * is one getAll.
 */
export function listArticles(db: LibraryDatabase): Promise<ArticleSummary[]> {
  return guard(async () => (await db.articles.toArray()).map(mendRecord).sort((a, b) => b.savedAt - a.savedAt));
}

/**
 * The newest `n` summaries and how many there are: what the page shows before the whole list is
 * read. One indexed read (Dexie walks the savedAt index backwards with getAllRecords where the
 * browser has it, a cursor of `n` steps elsewhere): ~1 ms at any library size.
 */
export function newestArticles(db: LibraryDatabase, n: number): Promise<{ rows: ArticleSummary[]; total: number }> {
  return guard(() =>
    db.transaction('r', db.articles, async () => {
      const [rows, total] = await Promise.all([
        db.articles.orderBy('savedAt').reverse().limit(n).toArray(),
        db.articles.count(),
      ]);
      return { rows: rows.map(mendRecord), total };
    }),
  );
}

export function getFullArticle(db: LibraryDatabase, id: string): Promise<FullArticle> {
  return guard(() =>
    db.transaction('r', [db.articles, db.bodies, db.images], async () => {
      const [record, body, images] = await Promise.all([
        db.articles.get(id),
        db.bodies.get(id),
        db.images.where('articleId').equals(id).toArray(),
      ]);
      if (!record || !body) throw new LibraryError('not-found');
      return { record: mendRecord(record), body: mendBody(body), images };
    }),
  );
}

/** Earlier versions, newest first. */
export function listVersions(db: LibraryDatabase, id: string): Promise<VersionRecord[]> {
  return guard(async () => (await db.versions.where('articleId').equals(id).sortBy('savedAt')).reverse());
}

export function allSearchRows(db: LibraryDatabase): Promise<SearchRecord[]> {
  return guard(() => db.search.toArray());
}

/** The current summaries and search rows of some articles (undefined where deleted), for updating a page in place. */
export function getChanged(
  db: LibraryDatabase,
  ids: readonly string[],
): Promise<{ summaries: Array<ArticleSummary | undefined>; search: Array<SearchRecord | undefined> }> {
  return guard(() =>
    db.transaction('r', [db.articles, db.search], async () => ({
      summaries: (await db.articles.bulkGet([...ids])).map((r) => r && mendRecord(r)),
      search: await db.search.bulkGet([...ids]),
    })),
  );
}

/** The ids of the stored articles the library cannot show as stored (record-check.ts), for repair. */
export function damagedIds(db: LibraryDatabase): Promise<string[]> {
  return guard(async () => {
    const all = await db.articles.toArray();
    return all.filter((r) => checkRecord(r, 'record') !== null).map((r) => r.id);
  });
}
