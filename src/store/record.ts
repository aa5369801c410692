/**
 * The shapes the library stores (schema v3, see migrations.ts). An article is split across tables
 * so that listing 5,000 articles reads only small summaries:
 *   articles  ArticleRecord  everything the list shows, filters and sorts on (no body)
 *   bodies    BodyRecord     the heavy parts: sanitized HTML, plain text, related headlines
 *   search    SearchRecord   normalised search terms (derived; rebuilt on import, never exported)
 *   searchPacks SearchPack   the search rows packed 16 to the library (a cache the library page
 *                            writes and checks; see search-cache.ts; schema v3)
 *   versions  VersionRecord  earlier versions of an article saved again under the same URL
 *   images    ImageRecord    image bytes stored with the article, keyed by the image's original URL
 * Every field is structured-cloneable plain data (Blob for image bytes).
 */
import type { Dateline, RelatedHeadline } from '../core/types.js';

/** Keep images in the database (readable offline) or only as links to the publisher. */
export type ImageMode = 'store' | 'links';

/** What happened to an article's images when it was saved. */
export interface ImageSummary {
  mode: ImageMode;
  stored: number;
  skipped: number;
  bytes: number;
  /** For the reader: why some images are links only ("2 images over the 8 MB limit…"). */
  note?: string;
}

export interface ArticleRecord {
  id: string;
  /** Normalised canonical URL: the identity of an article (saving it again updates this record). */
  url: string;
  /** The page the article was read on (ExtractResult.url). */
  pageUrl: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Host name without "www." (filters group by it). */
  site: string;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  excerpt: string | null;
  leadImage: string | null;
  favicon: string | null;
  wordCount: number;
  readingMinutes: number;
  paywalled: boolean;
  isNews: boolean;
  newsScore: number;
  newsReasons: string[];
  dateline: Dateline;
  /** dateline.published as epoch ms (read as UTC wall clock when no offset is given), for sorting. */
  publishedAt: number | null;
  /** First saved. */
  savedAt: number;
  /** Last saved (equal to savedAt until the article is saved again). */
  updatedAt: number;
  /** 0/1, not boolean: IndexedDB cannot index booleans. */
  read: 0 | 1;
  /** When `read` was last changed (epoch ms; absent before issue #25): the latest change wins in sync. */
  readAt?: number;
  /** How many earlier versions are kept in `versions`. */
  versions: number;
  images: ImageSummary;
  /** Approximate bytes of text (content + text + related), for the storage summary. */
  bytes: number;
  /**
   * When this record was last written on this device (epoch ms, set by the database on every put and
   * modify, schema v4): sync reads only the articles written since its last pass. Local; never synced.
   */
  changedAt?: number;
}

export interface BodyRecord {
  id: string;
  content: string;
  textContent: string;
  related: RelatedHeadline[];
}

export interface SearchRecord {
  id: string;
  /** Normalised title terms, space-separated with a leading space (" us urges haftar"). */
  title: string;
  /** Normalised unique terms of title + byline + site + text, same format. */
  text: string;
}

/**
 * Many articles' search rows in one record: one IndexedDB value per pack instead of one per
 * article is what makes loading the search fast (search-cache.ts). Parallel arrays; `titles` and
 * `texts` are the rows' strings joined by "\n" (term strings never contain one).
 */
export interface SearchPack {
  /** Pack number (packOf(id)). */
  k: number;
  ids: string[];
  /** Per article: the summary stamp (updatedAt + bytes) the row was derived at; a different stamp means stale. */
  stamps: string[];
  titles: string;
  texts: string;
}

export interface VersionRecord {
  /** Auto-increment key. */
  vid?: number;
  articleId: string;
  /** When this (earlier) version had been saved. */
  savedAt: number;
  article: Omit<ArticleRecord, 'id'>;
  body: Omit<BodyRecord, 'id'>;
}

export interface ImageRecord {
  articleId: string;
  /** The image's absolute URL as it appears in the stored content (or the lead image URL). */
  url: string;
  blob: Blob;
  type: string;
  bytes: number;
}

/** An article with everything needed to read it offline. */
export interface FullArticle {
  record: ArticleRecord;
  body: BodyRecord;
  images: ImageRecord[];
}

/**
 * The list row: the record as stored (summaries are small by construction). `problem`: the stored
 * record breaks the rules of record-check.ts and is shown mended (says what is wrong).
 */
export type ArticleSummary = ArticleRecord & { problem?: string };
