/**
 * Saving an article: all or nothing. The article, its body, its search terms, the earlier version
 * (when the same URL was saved before) and its images are written in ONE IndexedDB transaction,
 * so a crash, a closed browser or a full disk mid-save leaves the library exactly as it was.
 * Images are downloaded before (fetch-images.ts): an IndexedDB transaction cannot stay open across
 * network waits.
 */
import type { ExtractResult } from '../core/types.js';
import type { LibraryDatabase } from './database.js';
import type { ImageRecord, ImageSummary, VersionRecord } from './record.js';
import { articleKey, toRecords } from './article-record.js';
import { LibraryError, toLibraryError } from './library-error.js';

export interface SaveInput {
  article: ExtractResult;
  /** Image bytes by the image's absolute URL (as in the content). */
  images?: ReadonlyMap<string, Blob>;
  /** Counters and note from downloading the images; stored/bytes are recomputed from `images`. */
  imageSummary?: Pick<ImageSummary, 'mode' | 'skipped' | 'note'>;
  now?: number;
  /** Id generator (tests). */
  newId?: () => string;
}

export interface SaveResult {
  id: string;
  updated: boolean;
  imagesStored: number;
  imagesSkipped: number;
  note?: string;
  /** Earlier versions kept. */
  versions: number;
}

/** Throws LibraryError('invalid') when there is nothing worth saving. */
export function validateArticle(article: unknown): asserts article is ExtractResult {
  const a = article as Partial<ExtractResult> | null;
  const bad = (why: string): never => {
    throw new LibraryError('invalid', `This article can't be saved: ${why}.`);
  };
  if (!a || typeof a !== 'object') bad('nothing was sent');
  if (typeof a!.url !== 'string' || !/^https?:\/\//i.test(a!.url)) bad('it has no web address');
  if (typeof a!.content !== 'string' || !a!.content.trim()) bad('no article text was found on the page');
  if (typeof a!.title !== 'string') bad('it has no title');
  if (typeof a!.textContent !== 'string') bad('it has no text');
  if (!a!.dateline || typeof a!.dateline !== 'object') bad('its dateline is missing');
  if (!Array.isArray(a!.related)) bad('its related headlines are missing');
}

function sameContent(a: { title: string; content: string }, b: { title: string; content: string }): boolean {
  return a.title === b.title && a.content === b.content;
}

export async function saveArticle(db: LibraryDatabase, input: SaveInput): Promise<SaveResult> {
  validateArticle(input.article);
  const now = input.now ?? Date.now();
  const key = articleKey(input.article);
  const images = input.images ?? new Map<string, Blob>();
  try {
    return await db.transaction('rw', [db.articles, db.bodies, db.search, db.versions, db.images], async () => {
      const existing = await db.articles.where('url').equals(key).first();
      const id = existing?.id ?? (input.newId ?? (() => crypto.randomUUID()))();
      let versions = existing?.versions ?? 0;
      if (existing) {
        const oldBody = await db.bodies.get(id);
        // Saving an unchanged article again only refreshes it; a changed one keeps the earlier text.
        if (oldBody && !sameContent(input.article, { title: existing.title, content: oldBody.content })) {
          const { id: _id, ...article } = existing;
          const { id: _bid, ...body } = oldBody;
          const version: VersionRecord = { articleId: id, savedAt: existing.updatedAt, article, body };
          await db.versions.add(version);
          versions += 1;
        }
      }
      const rows: ImageRecord[] = [...images].map(([url, blob]) => ({
        articleId: id,
        url,
        blob,
        type: blob.type,
        bytes: blob.size,
      }));
      // Images stored by earlier saves stay (earlier versions may show them); count what this content can show.
      const kept = existing ? await db.images.where('articleId').equals(id).toArray() : [];
      const byUrl = new Map<string, number>([
        ...kept.map((i) => [i.url, i.bytes] as const),
        ...rows.map((i) => [i.url, i.bytes] as const),
      ]);
      const summary: ImageSummary = {
        mode: input.imageSummary?.mode ?? 'store',
        stored: rows.length,
        skipped: input.imageSummary?.skipped ?? 0,
        bytes: [...byUrl.values()].reduce((n, b) => n + b, 0),
        ...(input.imageSummary?.note ? { note: input.imageSummary.note } : {}),
      };
      const parts = toRecords(input.article, {
        id,
        savedAt: existing?.savedAt ?? now,
        updatedAt: now,
        read: existing?.read ?? 0,
        versions,
        images: summary,
      });
      await db.articles.put(parts.record);
      await db.bodies.put(parts.body);
      await db.search.put(parts.search);
      if (rows.length) await db.images.bulkPut(rows);
      return {
        id,
        updated: Boolean(existing),
        imagesStored: summary.stored,
        imagesSkipped: summary.skipped,
        ...(summary.note ? { note: summary.note } : {}),
        versions,
      };
    });
  } catch (e) {
    throw toLibraryError(e);
  }
}
