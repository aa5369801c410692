/**
 * The library's schema, as an explicit list of versions. Each entry is the complete store layout
 * at that version plus the upgrade that carries older records forward. Never edit a released
 * entry: append a new version. A test opens a database at every older version with records of
 * that version's shape and checks the upgrade keeps every article readable.
 */
import type { Transaction } from 'dexie';
import type { ExtractResult } from '../core/types.js';
import type { ImageMode, ImageRecord } from './record.js';
import { toRecords } from './article-record.js';

export interface Migration {
  version: number;
  /** Why this version exists. */
  why: string;
  /** Dexie store specs: primary key first, then indexes (`&` unique, `*` multiEntry, `++` auto-increment). */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Shape of an article in schema v1: the whole ExtractResult in one record. */
export interface V1Article {
  id: string;
  url: string;
  savedAt: number;
  read?: boolean;
  imageMode?: ImageMode;
  article: ExtractResult;
}

async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const articles = tx.table('articles');
  const old = (await articles.toArray()) as V1Article[];
  for (const a of old) {
    const imgs = (await tx.table('images').where('articleId').equals(a.id).toArray()) as ImageRecord[];
    const parts = toRecords(a.article, {
      id: a.id,
      savedAt: a.savedAt,
      updatedAt: a.savedAt,
      read: a.read ? 1 : 0,
      versions: 0,
      images: {
        mode: a.imageMode ?? 'store',
        stored: imgs.length,
        skipped: 0,
        bytes: imgs.reduce((n, i) => n + i.bytes, 0),
      },
    });
    // Keep the v1 identity: its url was already the article's key.
    parts.record.url = a.url;
    await articles.put(parts.record);
    await tx.table('bodies').put(parts.body);
    await tx.table('search').put(parts.search);
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'First shape: one record per article holding the whole ExtractResult; images beside it.',
    stores: { articles: 'id, &url, savedAt', images: '[articleId+url], articleId' },
  },
  {
    version: 2,
    why:
      'Listing 5,000 articles must not read 5,000 bodies: split bodies and search terms out, keep earlier versions, ' +
      'index what the list sorts and filters on.',
    stores: {
      articles: 'id, &url, savedAt, updatedAt, publishedAt, site, lang, read',
      bodies: 'id',
      search: 'id',
      versions: '++vid, articleId',
      images: '[articleId+url], articleId',
    },
    upgrade: upgradeV1toV2,
  },
  {
    version: 3,
    why:
      'Loading the search at 5,000 articles read 5,000 rows (~130 ms on a quiet machine, seconds on a busy one); ' +
      '16 packed rows read in ~30 ms. A cache only: the library page fills it lazily and checks every row against ' +
      'its article, so there is nothing to carry forward.',
    stores: {
      articles: 'id, &url, savedAt, updatedAt, publishedAt, site, lang, read',
      bodies: 'id',
      search: 'id',
      searchPacks: 'k',
      versions: '++vid, articleId',
      images: '[articleId+url], articleId',
    },
  },
  {
    version: 4,
    why:
      'A sync pass read every article summary to find the few changed since the last one (its time grew with the ' +
      'library): every write now stamps changedAt (database.ts), indexed, so a pass reads only what changed. ' +
      'Older records have no stamp: the first pass reads them all, as before.',
    stores: {
      articles: 'id, &url, savedAt, updatedAt, publishedAt, site, lang, read, changedAt',
      bodies: 'id',
      search: 'id',
      searchPacks: 'k',
      versions: '++vid, articleId',
      images: '[articleId+url], articleId',
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
