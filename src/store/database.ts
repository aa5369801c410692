/**
 * The library database (IndexedDB through Dexie 4) in the extension's origin: the background
 * (saves) and the library page (reads, edits) open the same database. `openLibrary` turns the
 * ways opening can fail into LibraryErrors a user can act on, and reports when another context
 * upgrades the database underneath this one.
 */
import Dexie, { type Table } from 'dexie';
import type { ArticleRecord, BodyRecord, ImageRecord, SearchPack, SearchRecord, VersionRecord } from './record.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { LibraryError, toLibraryError } from './library-error.js';

export const DB_NAME = 'dateline-library';
/** The schema version whose articles carry the `changedAt` index (migrations.ts). */
const CHANGE_STAMP_VERSION = 4;

export interface OpenOptions {
  name?: string;
  /** Injected in tests (fake-indexeddb) and benchmarks; defaults to the global. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Declare versions only up to this one (tests create old databases with it). */
  upTo?: number;
  /** Another context upgraded or deleted the database: this connection is closed; reload. */
  onVersionChange?: () => void;
  /** How long to wait for other tabs to let an upgrade through before failing with 'blocked'. */
  blockedTimeoutMs?: number;
}

export class LibraryDatabase extends Dexie {
  articles!: Table<ArticleRecord, string>;
  bodies!: Table<BodyRecord, string>;
  search!: Table<SearchRecord, string>;
  searchPacks!: Table<SearchPack, number>;
  versions!: Table<VersionRecord, number>;
  images!: Table<ImageRecord, [string, string]>;

  constructor(options: OpenOptions = {}) {
    super(options.name ?? DB_NAME, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    const upTo = options.upTo ?? SCHEMA_VERSION;
    for (const m of MIGRATIONS) {
      if (m.version > upTo) break;
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
    if (upTo >= CHANGE_STAMP_VERSION) {
      // Every write of an article, by any context and any code path, stamps when (sync's since-cursor).
      this.articles.hook('creating', (_key, record) => void (record.changedAt = Date.now()));
      this.articles.hook('updating', () => ({ changedAt: Date.now() }));
    }
  }
}

/** Opens (creating or upgrading) the library. Throws LibraryError. */
export async function openLibrary(options: OpenOptions = {}): Promise<LibraryDatabase> {
  if (!options.indexedDB && typeof indexedDB === 'undefined') throw new LibraryError('unavailable');
  const db = new LibraryDatabase(options);
  db.on('versionchange', () => {
    // Let the other context upgrade or delete: close now, tell the user to reload.
    db.close();
    options.onVersionChange?.();
    return false;
  });
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    db.on('blocked', () => {
      blockedTimer ??= setTimeout(() => reject(new LibraryError('blocked')), options.blockedTimeoutMs ?? 4000);
    });
  });
  blocked.catch(() => undefined);
  try {
    await Promise.race([db.open(), blocked]);
    return db;
  } catch (e) {
    db.close();
    throw toLibraryError(e);
  } finally {
    clearTimeout(blockedTimer);
  }
}
