/**
 * Reading and writing one article as a whole, for sync (issue #25): the record, body, earlier
 * versions and images together. Writing goes through the same records the save path writes, and
 * derives the search row with `searchRecord`, so the library's search stays right for articles
 * that arrive from another device. One transaction each: a stopped background leaves either the
 * old article or the new one.
 */
import type { LibraryDatabase } from './database.js';
import type { ArticleRecord, BodyRecord, ImageRecord, VersionRecord } from './record.js';
import { searchRecord } from './article-record.js';
import { toLibraryError } from './library-error.js';

export interface SyncedArticle {
  record: ArticleRecord;
  body: BodyRecord;
  versions: Array<Omit<VersionRecord, 'vid'>>;
  images: ImageRecord[];
}

export async function readSyncedArticle(db: LibraryDatabase, id: string): Promise<SyncedArticle | null> {
  try {
    return await db.transaction('r', [db.articles, db.bodies, db.versions, db.images], async () => {
      const record = await db.articles.get(id);
      const body = await db.bodies.get(id);
      if (!record || !body) return null;
      const versions = (await db.versions.where('articleId').equals(id).toArray()).map(({ vid: _vid, ...v }) => v);
      const images = await db.images.where('articleId').equals(id).toArray();
      return { record, body, versions, images };
    });
  } catch (e) {
    throw toLibraryError(e);
  }
}

/** Replaces the article `a.record.id` (and everything stored with it) by `a`. */
export async function writeSyncedArticle(db: LibraryDatabase, a: SyncedArticle): Promise<void> {
  const id = a.record.id;
  const record: ArticleRecord = { ...a.record, versions: a.versions.length };
  try {
    await db.transaction('rw', [db.articles, db.bodies, db.search, db.versions, db.images], async () => {
      await db.articles.put(record);
      await db.bodies.put({ ...a.body, id });
      await db.search.put(searchRecord(record, a.body));
      await db.versions.where('articleId').equals(id).delete();
      if (a.versions.length) await db.versions.bulkAdd(a.versions.map((v) => ({ ...v, articleId: id })));
      await db.images.where('articleId').equals(id).delete();
      if (a.images.length) await db.images.bulkPut(a.images.map((i) => ({ ...i, articleId: id })));
    });
  } catch (e) {
    throw toLibraryError(e);
  }
}
