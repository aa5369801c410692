/**
 * The library as one JSON file (export) and back (import). The file holds every article with its
 * body, earlier versions and images (base64), so export → import → export is identical. Search
 * terms are derived data and are rebuilt on import, never trusted from a file.
 *
 * Import validates each entry on its own (record-check.ts: every field the library renders):
 * bad entries are reported (index, title, why) and the good ones are still imported, in
 * transactions of a few hundred so a failure mid-way (quota) leaves whole articles only.
 * An article is matched by its URL, never by its id: an entry whose id belongs to another article
 * (in the library or earlier in the file) is imported under a fresh id and reported in `renamed`.
 */
import type { LibraryDatabase } from './database.js';
import type { ArticleRecord, BodyRecord, ImageRecord, VersionRecord } from './record.js';
import { portableRecord, searchRecord } from './article-record.js';
import { announceLibraryEdit } from './library-events.js';
import { base64ToBlob, blobToBase64 } from './blob-base64.js';
import { LibraryError, toLibraryError } from './library-error.js';
import { checkBody, checkRecord, isObj, isTime, mendRecord } from './record-check.js';

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
  /**
   * Entries imported under a new id: their id was already another article's (in the library, or an
   * earlier entry of the file). Matching is by URL, so a clashing id never replaces a different article.
   */
  renamed: ImportProblem[];
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
    record: portableRecord(record),
    body: bodyOut,
    versions: versions.map((v) => ({ savedAt: v.savedAt, article: portableRecord(v.article), body: v.body })),
    images: await Promise.all(
      images
        .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
        .map(async (i) => ({ url: i.url, type: i.type, data: await blobToBase64(i.blob) })),
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

// ---- validation (the rules are record-check.ts's, shared with reading) ------------------------

const str = (v: unknown): boolean => typeof v === 'string';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A validated entry, or why it is not one. */
export function checkEntry(raw: unknown): { entry: LibraryFileEntry } | { reason: string } {
  if (!isObj(raw)) return { reason: 'not an article object' };
  const p =
    checkRecord(raw.record, 'record') ??
    checkBody(raw.body, 'body') ??
    (!Array.isArray(raw.versions) ? 'versions is not a list' : null) ??
    (!Array.isArray(raw.images) ? 'images is not a list' : null);
  if (p) return { reason: p };
  const versions = raw.versions as unknown[];
  for (const [i, v] of versions.entries()) {
    if (!isObj(v) || !isTime(v.savedAt)) return { reason: `versions[${i}].savedAt is not a date the library can show` };
    const vp = checkRecord(v.article, `versions[${i}].article`, false) ?? checkBody(v.body, `versions[${i}].body`);
    if (vp) return { reason: vp };
  }
  for (const [i, img] of (raw.images as unknown[]).entries()) {
    if (!isObj(img) || !str(img.url) || !str(img.type) || !str(img.data))
      return { reason: `images[${i}] needs url, type and data` };
    if (!/^image\//i.test(img.type as string)) return { reason: `images[${i}] is not an image (${String(img.type)})` };
    if ((img.data as string).length % 4 !== 0 || !BASE64.test(img.data as string))
      return { reason: `images[${i}].data is not base64` };
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
    throw new LibraryError(
      'invalid',
      'This library file was written by a newer version of Dateline Reader; update the extension to import it.',
    );
  }
  return { entries: json.articles };
}

const BATCH = 200;

export async function importLibrary(
  db: LibraryDatabase,
  text: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<ImportReport> {
  const { entries } = parseLibraryFile(text);
  const report: ImportReport = { imported: 0, replaced: 0, unchanged: 0, problems: [], renamed: [] };
  const good: Array<{ index: number; entry: LibraryFileEntry; id: string }> = [];
  const urls = new Set<string>();
  const ids = new Map<string, { index: number; title: string }>();
  entries.forEach((raw, index) => {
    const r = checkEntry(raw);
    const title =
      isObj(raw) && isObj(raw.record) && typeof raw.record.title === 'string' ? raw.record.title : undefined;
    if ('reason' in r) {
      report.problems.push({ index, ...(title !== undefined ? { title } : {}), reason: r.reason });
      return;
    }
    const rec = r.entry.record;
    if (urls.has(rec.url)) {
      report.problems.push({ index, title: rec.title, reason: 'the same article appears earlier in the file' });
      return;
    }
    urls.add(rec.url);
    const earlier = ids.get(rec.id);
    let id = rec.id;
    if (earlier) {
      id = newId();
      const reason = `its id is also the id of #${earlier.index + 1} “${earlier.title}” in the file`;
      report.renamed.push({ index, title: rec.title, reason });
    } else ids.set(rec.id, { index, title: rec.title });
    good.push({ index, entry: r.entry, id });
  });
  for (let i = 0; i < good.length; i += BATCH) {
    const batch = good.slice(i, i + BATCH).map(({ index, entry, id }) => {
      try {
        const blobs = entry.images.map((img) => ({ url: img.url, blob: base64ToBlob(img.data, img.type) }));
        return { index, entry, id, blobs };
      } catch {
        report.problems.push({ index, title: entry.record.title, reason: 'an image is not valid base64' });
        return null;
      }
    });
    // Counted per batch and added only when its transaction commits.
    const counts = { imported: 0, replaced: 0, unchanged: 0, renamed: [] as ImportProblem[] };
    try {
      await db.transaction('rw', [db.articles, db.bodies, db.search, db.versions, db.images], async () => {
        Object.assign(counts, { imported: 0, replaced: 0, unchanged: 0, renamed: [] });
        for (const item of batch) {
          if (!item) continue;
          const { entry, blobs, index } = item;
          // The same article is the same URL; an id says nothing about which article it is.
          const existing = await db.articles.where('url').equals(entry.record.url).first();
          // A stored copy the library cannot show (dates out of range, …) is replaced whatever its age.
          const damaged = existing !== undefined && mendRecord(existing).problem !== undefined;
          if (existing && !damaged && existing.updatedAt >= entry.record.updatedAt) {
            counts.unchanged += 1;
            continue;
          }
          let id = existing?.id ?? item.id;
          const holder = existing ? undefined : await db.articles.get(id);
          if (holder) {
            id = newId();
            const whose = typeof holder.title === 'string' && holder.title ? `“${holder.title}”` : 'another article';
            const reason = `its id is already used by ${whose} in the library`;
            counts.renamed.push({ index, title: entry.record.title, reason });
          }
          if (existing) {
            await db.articles.delete(existing.id);
            await db.bodies.delete(existing.id);
            await db.search.delete(existing.id);
            await db.versions.where('articleId').equals(existing.id).delete();
            await db.images.where('articleId').equals(existing.id).delete();
            counts.replaced += 1;
          } else counts.imported += 1;
          const rec: ArticleRecord = { ...entry.record, id };
          await db.articles.put(rec);
          await db.bodies.put({ ...entry.body, id });
          await db.search.put(searchRecord(rec, entry.body));
          for (const v of entry.versions) {
            await db.versions.add({ articleId: id, savedAt: v.savedAt, article: v.article, body: v.body });
          }
          const rows: ImageRecord[] = blobs.map(({ url, blob }) => ({
            articleId: id,
            url,
            blob,
            type: blob.type,
            bytes: blob.size,
          }));
          if (rows.length) await db.images.bulkPut(rows);
        }
      });
      report.imported += counts.imported;
      report.replaced += counts.replaced;
      report.unchanged += counts.unchanged;
      report.renamed.push(...counts.renamed);
    } catch (e) {
      const err = toLibraryError(e);
      // Articles of this batch were not written: report them, keep what earlier batches imported.
      for (const item of batch)
        if (item) report.problems.push({ index: item.index, title: item.entry.record.title, reason: err.message });
      if (err.code === 'quota') break;
    }
  }
  if (report.imported || report.replaced) announceLibraryEdit(); // sync sends them soon (issue #25)
  return report;
}
