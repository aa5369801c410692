/**
 * How much the library holds, for the page's storage line: articles, images, bytes, and the
 * browser's quota estimate for the extension's origin (navigator.storage.estimate, passed in so
 * this module names no browser global).
 */
import type { LibraryDatabase } from './database.js';
import { toLibraryError } from './library-error.js';
import type { ArticleRecord } from './record.js';

export interface StorageUse {
  articles: number;
  versions: number;
  images: number;
  textBytes: number;
  imageBytes: number;
  /** From StorageManager.estimate(): the whole origin (library + settings + caches). */
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export async function storageUse(
  db: LibraryDatabase,
  storage?: Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persisted'>>,
  /** The summaries the caller already holds (the library page): saves reading them again. */
  summaries?: readonly Pick<ArticleRecord, 'bytes' | 'images'>[],
): Promise<StorageUse> {
  try {
    const [articles, versions, images] = await Promise.all([
      db.articles.count(),
      db.versions.count(),
      db.images.count(),
    ]);
    let textBytes = 0;
    let imageBytes = 0;
    const add = (a: Pick<ArticleRecord, 'bytes' | 'images'>): void => {
      textBytes += a.bytes;
      imageBytes += a.images.bytes;
    };
    if (summaries) summaries.forEach(add);
    else await db.articles.each(add);
    const estimate = await storage?.estimate().catch(() => undefined);
    const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
    return {
      articles,
      versions,
      images,
      textBytes,
      imageBytes,
      usage: estimate?.usage ?? null,
      quota: estimate?.quota ?? null,
      persisted,
    };
  } catch (e) {
    throw toLibraryError(e);
  }
}
