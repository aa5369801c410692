/**
 * ExtractResult ⇄ stored records. The identity of an article is its normalised canonical URL:
 * the same story reached through a tracking link or a fragment is the same article.
 */
import type { ExtractResult } from '../core/types.js';
import type { ArticleRecord, BodyRecord, ImageSummary, SearchRecord } from './record.js';
import { termString } from './search-terms.js';

/** Query parameters that only say where a click came from. */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|smid|ref_src)$/i;

export function articleKey(article: Pick<ExtractResult, 'url' | 'canonicalUrl'>): string {
  const raw = article.canonicalUrl || article.url;
  try {
    const u = new URL(raw);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
    u.hostname = u.hostname.toLowerCase();
    return u.href;
  } catch {
    return raw;
  }
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** dateline.published as epoch ms for sorting; a time without offset is read as UTC wall clock. */
export function publishedAt(published: string | null | undefined): number | null {
  if (!published) return null;
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(published) || /^\d{4}-\d\d-\d\d$/.test(published);
  const ms = Date.parse(hasZone ? published : `${published}Z`);
  return Number.isNaN(ms) ? null : ms;
}

export interface RecordParts {
  record: ArticleRecord;
  body: BodyRecord;
  search: SearchRecord;
}

/** The records of an article as it is saved now. `id`, times, read state and counters come from the caller. */
export function toRecords(
  article: ExtractResult,
  meta: { id: string; savedAt: number; updatedAt: number; read: 0 | 1; versions: number; images: ImageSummary },
): RecordParts {
  const url = articleKey(article);
  const body: BodyRecord = {
    id: meta.id,
    content: article.content,
    textContent: article.textContent,
    related: article.related ?? [],
  };
  const record: ArticleRecord = {
    id: meta.id,
    url,
    pageUrl: article.url,
    canonicalUrl: article.canonicalUrl,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    site: siteOf(url) || siteOf(article.url),
    lang: article.lang,
    dir: article.dir === 'rtl' ? 'rtl' : 'ltr',
    excerpt: article.excerpt,
    leadImage: article.leadImage,
    favicon: article.favicon,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    paywalled: article.paywalled,
    isNews: article.isNews,
    newsScore: article.newsScore,
    newsReasons: article.newsReasons ?? [],
    dateline: article.dateline,
    publishedAt: publishedAt(article.dateline?.published),
    savedAt: meta.savedAt,
    updatedAt: meta.updatedAt,
    read: meta.read,
    versions: meta.versions,
    images: meta.images,
    bytes: textBytes(body),
  };
  return { record, body, search: searchRecord(record, body) };
}

export function searchRecord(record: ArticleRecord, body: Pick<BodyRecord, 'textContent'>): SearchRecord {
  return {
    id: record.id,
    title: termString(record.title),
    text: termString(
      record.title,
      record.byline,
      record.siteName,
      record.site,
      record.dateline?.place,
      body.textContent,
    ),
  };
}

/** UTF-16 length × 2 is what the browser stores for strings, near enough for a storage summary. */
export function textBytes(body: Pick<BodyRecord, 'content' | 'textContent' | 'related'>): number {
  return (body.content.length + body.textContent.length + JSON.stringify(body.related).length) * 2;
}

/** The stored article as the ExtractResult the reader view renders. */
export function toExtractResult(record: ArticleRecord, body: BodyRecord): ExtractResult {
  return {
    url: record.pageUrl,
    canonicalUrl: record.canonicalUrl,
    isNews: record.isNews,
    newsScore: record.newsScore,
    newsReasons: record.newsReasons,
    title: record.title,
    byline: record.byline,
    siteName: record.siteName,
    lang: record.lang,
    dir: record.dir,
    excerpt: record.excerpt,
    leadImage: record.leadImage,
    favicon: record.favicon,
    content: body.content,
    textContent: body.textContent,
    wordCount: record.wordCount,
    readingMinutes: record.readingMinutes,
    paywalled: record.paywalled,
    dateline: record.dateline,
    related: body.related,
  };
}

/** A record without `changedAt` (when this device wrote it): what leaves the device, in a file or to a server. */
export function portableRecord<T extends { changedAt?: number }>(r: T): Omit<T, 'changedAt'> {
  const { changedAt: _changed, ...rest } = r;
  return rest;
}
