/**
 * Changing the library from its page: delete (returning everything deleted, so the page can undo),
 * restore what was deleted, mark read/unread. Each is one transaction.
 */
import type { LibraryDatabase } from './database.js';
import type { ArticleRecord, BodyRecord, ImageRecord, SearchRecord, VersionRecord } from './record.js';
import { toLibraryError } from './library-error.js';
import { announceLibraryEdit } from './library-events.js';

/** Everything a delete removed, enough to put it back exactly. */
export interface DeletedArticles {
  articles: ArticleRecord[];
  bodies: BodyRecord[];
  search: SearchRecord[];
  versions: VersionRecord[];
  images: ImageRecord[];
}

function tables(db: LibraryDatabase) {
  return [db.articles, db.bodies, db.search, db.versions, db.images];
}

export async function deleteArticles(db: LibraryDatabase, ids: readonly string[]): Promise<DeletedArticles> {
  try {
    const deleted = await db.transaction('rw', tables(db), async () => {
      const keys = [...ids];
      const [articles, bodies, search, versions, images] = await Promise.all([
        db.articles.bulkGet(keys),
        db.bodies.bulkGet(keys),
        db.search.bulkGet(keys),
        db.versions.where('articleId').anyOf(keys).toArray(),
        db.images.where('articleId').anyOf(keys).toArray(),
      ]);
      await db.articles.bulkDelete(keys);
      await db.bodies.bulkDelete(keys);
      await db.search.bulkDelete(keys);
      await db.versions.where('articleId').anyOf(keys).delete();
      await db.images.where('articleId').anyOf(keys).delete();
      const present = <T>(xs: Array<T | undefined>): T[] => xs.filter((x): x is T => x !== undefined);
      return { articles: present(articles), bodies: present(bodies), search: present(search), versions, images };
    });
    announceLibraryEdit();
    return deleted;
  } catch (e) {
    throw toLibraryError(e);
  }
}

export async function restoreArticles(db: LibraryDatabase, deleted: DeletedArticles): Promise<void> {
  try {
    await db.transaction('rw', tables(db), async () => {
      await db.articles.bulkPut(deleted.articles);
      await db.bodies.bulkPut(deleted.bodies);
      await db.search.bulkPut(deleted.search);
      await db.versions.bulkPut(deleted.versions);
      await db.images.bulkPut(deleted.images);
    });
    announceLibraryEdit();
  } catch (e) {
    throw toLibraryError(e);
  }
}

/** `readAt` records when: sync resolves a read state changed on two devices by the latest change. */
export async function setRead(
  db: LibraryDatabase,
  ids: readonly string[],
  read: boolean,
  now = Date.now(),
): Promise<void> {
  try {
    await db.articles
      .where('id')
      .anyOf([...ids])
      .modify({ read: read ? 1 : 0, readAt: now });
    announceLibraryEdit();
  } catch (e) {
    throw toLibraryError(e);
  }
}
