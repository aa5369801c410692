/**
 * The library as one JSON file (export) and back (import). The file holds every article with its
 * body, earlier versions and images (base64), so export → import → export is identical. Search
 * terms are derived data and are rebuilt on import, never trusted from a file.
 *
 * Import validates each entry on its own: bad entries are reported (index, title, why) and the
 * good ones are still imported, in transactions of a few hundred so a failure mid-way (quota)
 * leaves whole articles only.
 */
import type { LibraryDatabase } from './database.js';
import type { ArticleRecord, BodyRecord, ImageRecord, VersionRecord } from './record.js';
import { searchRecord } from './article-record.js';
import { base64ToBlob, blobToBase64 } from './blob-base64.js';
import { LibraryError, toLibraryError } from './library-error.js';

export const LIBRARY_FILE_FORMAT = 'dateline-reader-library';
export const LIBRARY_FILE_VERSION = 1;

export interface LibraryFileImage {
  url: string;
  type: string;
  data: string;
}

export interface LibraryFileEntry {
  record: ArticleRecord;
  body: Omit<BodyRecord, 'id'>;
  versions: Array<Omit<VersionRecord, 'vid' | 'articleId'>>;
  images: LibraryFileImage[];
}

export interface LibraryFile {
  format: typeof LIBRARY_FILE_FORMAT;
  version: number;
  exportedAt: string;
  articles: LibraryFileEntry[];
}

export interface ImportProblem {
  /** Position in the file's `articles` array. */
  index: number;
  title?: string;
  reason: string;
}

export interface ImportReport {
  imported: number;
  /** Articles already in the library under the same URL that the file's newer copy replaced. */
  replaced: number;
  /** Articles already in the library, same age or newer than the file's copy: kept as they are. */
  unchanged: number;
  problems: ImportProblem[];
}

/** One entry of the export (also used for single-article export). */
export async function exportEntry(db: LibraryDatabase, id: string): Promise<LibraryFileEntry | null> {
  const [record, body, versions, images] = await Promise.all([
    db.articles.get(id),
    db.bodies.get(id),
    db.versions.where('articleId').equals(id).sortBy('savedAt'),
    db.images.where('articleId').equals(id).toArray(),
  ]);
  if (!record || !body) return null;
  const { id: _bid, ...bodyOut } = body;
  return {
    record,
    body: bodyOut,
    versions: versions.map((v) => ({ savedAt: v.savedAt, article: v.article, body: v.body })),
    images: await Promise.all(
      images.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)).map(async (i) => ({ url: i.url, type: i.type, data: await blobToBase64(i.blob) })),
    ),
  };
}

export async function exportLibrary(db: LibraryDatabase, now: Date = new Date()): Promise<LibraryFile> {
  try {
    const ids = (await db.articles.orderBy('savedAt').primaryKeys()) as string[];
    const articles: LibraryFileEntry[] = [];
    for (const id of ids) {
      const e = await exportEntry(db, id);
      if (e) articles.push(e);
    }
    return { format: LIBRARY_FILE_FORMAT, version: LIBRARY_FILE_VERSION, exportedAt: now.toISOString(), articles };
  } catch (e) {
    throw toLibraryError(e);
  }
}

// ---- validation -------------------------------------------------------------------------------

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const numOrNull: Check = (v) => v === null || num(v);
const bool: Check = (v) => typeof v === 'boolean';
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const RECORD_FIELDS: Record<string, Check> = {
  id: (v) => str(v) && (v as string).length > 0 && (v as string).length < 200,
  url: (v) => str(v) && /^https?:\/\//i.test(v as string),
  pageUrl: (v) => str(v) && /^https?:\/\//i.test(v as string),
  canonicalUrl: strOrNull,
  title: str,
  byline: strOrNull,
  siteName: strOrNull,
  site: str,
  lang: strOrNull,
  dir: (v) => v === 'ltr' || v === 'rtl',
  excerpt: strOrNull,
  leadImage: strOrNull,
  favicon: strOrNull,
  wordCount: num,
  readingMinutes: num,
  paywalled: bool,
  isNews: bool,
  newsScore: num,
  newsReasons: (v) => Array.isArray(v) && v.every(str),
  dateline: (v) => isObj(v) && str(v.text) && strOrNull(v.published) && strOrNull(v.place),
  publishedAt: numOrNull,
  savedAt: num,
  updatedAt: num,
  read: (v) => v === 0 || v === 1,
  versions: num,
  images: (v) => isObj(v) && (v.mode === 'store' || v.mode === 'links') && num(v.stored) && num(v.skipped) && num(v.bytes),
  bytes: num,
};

function recordProblem(v: unknown, what: string): string | null {
  if (!isObj(v)) return `${what} is missing`;
  for (const [k, check] of Object.entries(RECORD_FIELDS)) {
    if (what !== 'record' && k === 'id') continue;
    if (!check(v[k])) return `${what}.${k} is missing or has the wrong type`;
  }
  return null;
}

function bodyProblem(v: unknown, what: string): string | null {
  if (!isObj(v)) return `${what} is missing`;
  if (!str(v.content) || !(v.content as string).trim()) return `${what}.content is empty`;
  if (!str(v.textContent)) return `${what}.textContent is missing`;
  if (!Array.isArray(v.related) || !v.related.every((r) => isObj(r) && str(r.title) && str(r.url))) return `${what}.related is not a list of headlines`;
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A validated entry, or why it is not one. */
export function checkEntry(raw: unknown): { entry: LibraryFileEntry } | { reason: string } {
  if (!isObj(raw)) return { reason: 'not an article object' };
  const p =
    recordProblem(raw.record, 'record') ??
    bodyProblem(raw.body, 'body') ??
    (!Array.isArray(raw.versions) ? 'versions is not a list' : null) ??
    (!Array.isArray(raw.images) ? 'images is not a list' : null);
  if (p) return { reason: p };
  const versions = raw.versions as unknown[];
  for (const [i, v] of versions.entries()) {
    if (!isObj(v) || !num(v.savedAt)) return { reason: `versions[${i}].savedAt is missing` };
    const vp = recordProblem(v.article, `versions[${i}].article`) ?? bodyProblem(v.body, `versions[${i}].body`);
    if (vp) return { reason: vp };
  }
  for (const [i, img] of (raw.images as unknown[]).entries()) {
    if (!isObj(img) || !str(img.url) || !str(img.type) || !str(img.data)) return { reason: `images[${i}] needs url, type and data` };
    if (!/^image\//i.test(img.type as string)) return { reason: `images[${i}] is not an image (${String(img.type)})` };
    if ((img.data as string).length % 4 !== 0 || !BASE64.test(img.data as string)) return { reason: `images[${i}].data is not base64` };
  }
  return { entry: raw as unknown as LibraryFileEntry };
}

/** Parses and validates a file's text; throws LibraryError('invalid') only when the whole file is unusable. */
export function parseLibraryFile(text: string): { entries: unknown[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LibraryError('invalid', 'This file is not a Dateline Reader library export (it is not JSON).');
  }
  if (!isObj(json) || json.format !== LIBRARY_FILE_FORMAT || !Array.isArray(json.articles)) {
    throw new LibraryError('invalid', 'This file is not a Dateline Reader library export.');
  }
  if (typeof json.version === 'number' && json.version > LIBRARY_FILE_VERSION) {
    throw new LibraryError('invalid', 'This library file was written by a newer version of Dateline Reader; update the extension to import it.');
  }
  return { entries: json.articles };
}

const BATCH = 200;

export async function importLibrary(db: LibraryDatabase, text: string): Promise<ImportReport> {
  const { entries } = parseLibraryFile(text);
  const report: ImportReport = { imported: 0, replaced: 0, unchanged: 0, problems: [] };
  const good: Array<{ index: number; entry: LibraryFileEntry }> = [];
  const seen = new Set<string>();
  entries.forEach((raw, index) => {
    const r = checkEntry(raw);
    const title = isObj(raw) && isObj(raw.record) && typeof raw.record.title === 'string' ? raw.record.title : undefined;
    if ('reason' in r) report.problems.push({ index, ...(title !== undefined ? { title } : {}), reason: r.reason });
    else if (seen.has(r.entry.record.url)) report.problems.push({ index, title: r.entry.record.title, reason: 'the same article appears earlier in the file' });
    else {
      seen.add(r.entry.record.url);
      good.push({ index, entry: r.entry });
    }
  });
  for (let i = 0; i < good.length; i += BATCH) {
    const batch = good.slice(i, i + BATCH).map(({ index, entry }) => {
      try {
        return { index, entry, blobs: entry.images.map((img) => ({ url: img.url, blob: base64ToBlob(img.data, img.type) })) };
      } catch {
        report.problems.push({ index, title: entry.record.title, reason: 'an image is not valid base64' });
        return null;
      }
    });
    // Counted per batch and added only when its transaction commits.
    const counts = { imported: 0, replaced: 0, unchanged: 0 };
    try {
      await db.transaction('rw', [db.articles, db.bodies, db.search, db.versions, db.images], async () => {
        counts.imported = counts.replaced = counts.unchanged = 0;
        for (const item of batch) {
          if (!item) continue;
          const { entry, blobs } = item;
          const rec = entry.record;
          const existing = (await db.articles.where('url').equals(rec.url).first()) ?? (await db.articles.get(rec.id));
          if (existing && existing.updatedAt >= rec.updatedAt) {
            counts.unchanged += 1;
            continue;
          }
          if (existing) {
            await db.articles.delete(existing.id);
            await db.bodies.delete(existing.id);
            await db.search.delete(existing.id);
            await db.versions.where('articleId').equals(existing.id).delete();
            await db.images.where('articleId').equals(existing.id).delete();
            counts.replaced += 1;
          } else counts.imported += 1;
          await db.articles.put(rec);
          await db.bodies.put({ id: rec.id, ...entry.body });
          await db.search.put(searchRecord(rec, entry.body));
          for (const v of entry.versions) await db.versions.add({ articleId: rec.id, savedAt: v.savedAt, article: v.article, body: v.body });
          const rows: ImageRecord[] = blobs.map(({ url, blob }) => ({ articleId: rec.id, url, blob, type: blob.type, bytes: blob.size }));
          if (rows.length) await db.images.bulkPut(rows);
        }
      });
      report.imported += counts.imported;
      report.replaced += counts.replaced;
      report.unchanged += counts.unchanged;
    } catch (e) {
      const err = toLibraryError(e);
      // Articles of this batch were not written: report them, keep what earlier batches imported.
      for (const item of batch) if (item) report.problems.push({ index: item.index, title: item.entry.record.title, reason: err.message });
      if (err.code === 'quota') break;
    }
  }
  return report;
}
