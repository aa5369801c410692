/**
 * The library list's logic (no DOM): newest first by saved or published date, filters by site,
 * language, date range and read state, search hits only with title hits first, filter menus with counts.
 */
import { describe, expect, it } from 'vitest';
import { applyQuery, DEFAULT_QUERY, facets } from '../../src/library/list-query.js';
import type { ArticleSummary } from '../../src/store/record.js';
import { formatBytes } from '../../src/library/format.js';

const day = (y: number, m: number, d: number, h = 12): number => new Date(y, m - 1, d, h).getTime();

function summary(id: string, over: Partial<ArticleSummary>): ArticleSummary {
  return {
    id,
    url: `https://x/${id}`,
    pageUrl: `https://x/${id}`,
    canonicalUrl: null,
    title: id,
    byline: null,
    siteName: null,
    site: 'a.example',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    favicon: null,
    wordCount: 100,
    readingMinutes: 1,
    paywalled: false,
    isNews: true,
    newsScore: 1,
    newsReasons: [],
    dateline: { published: null, modified: null, precision: null, place: null, agency: null, text: '', source: null },
    publishedAt: null,
    savedAt: 0,
    updatedAt: 0,
    read: 0,
    versions: 0,
    images: { mode: 'store', stored: 0, skipped: 0, bytes: 0 },
    bytes: 0,
    ...over,
  };
}

const all = [
  summary('old-en', { savedAt: day(2024, 1, 1), publishedAt: day(2024, 3, 1), lang: 'en-GB' }),
  summary('mid-ar', { savedAt: day(2024, 2, 1), publishedAt: day(2023, 1, 1), lang: 'ar', site: 'b.example', read: 1 }),
  summary('new-undated', { savedAt: day(2024, 3, 1), publishedAt: null, lang: 'en' }),
];
const ids = (xs: ArticleSummary[]): string[] => xs.map((x) => x.id);

describe('library list', () => {
  it('newest saved first by default; by published date puts undated last', () => {
    expect(ids(applyQuery(all, DEFAULT_QUERY, null))).toEqual(['new-undated', 'mid-ar', 'old-en']);
    expect(ids(applyQuery(all, { ...DEFAULT_QUERY, sort: 'published' }, null))).toEqual([
      'old-en',
      'mid-ar',
      'new-undated',
    ]);
  });

  it('filters by site, language (primary subtag), read state and an inclusive date range', () => {
    expect(ids(applyQuery(all, { ...DEFAULT_QUERY, site: 'b.example' }, null))).toEqual(['mid-ar']);
    expect(ids(applyQuery(all, { ...DEFAULT_QUERY, lang: 'en' }, null))).toEqual(['new-undated', 'old-en']);
    expect(ids(applyQuery(all, { ...DEFAULT_QUERY, read: 'unread' }, null))).toEqual(['new-undated', 'old-en']);
    expect(ids(applyQuery(all, { ...DEFAULT_QUERY, from: '2024-02-01', to: '2024-03-01' }, null))).toEqual([
      'new-undated',
      'mid-ar',
    ]);
    expect(ids(applyQuery(all, { ...DEFAULT_QUERY, to: '2024-01-31' }, null))).toEqual(['old-en']);
    // a published-date range leaves out articles without a published date
    expect(ids(applyQuery(all, { ...DEFAULT_QUERY, sort: 'published', from: '2023-06-01' }, null))).toEqual(['old-en']);
  });

  it('a search keeps only hits, title hits first, then the chosen order', () => {
    const hits = [
      { id: 'old-en', titleTerms: 0 },
      { id: 'new-undated', titleTerms: 0 },
      { id: 'mid-ar', titleTerms: 1 },
    ];
    expect(ids(applyQuery(all, DEFAULT_QUERY, hits))).toEqual(['mid-ar', 'new-undated', 'old-en']);
    expect(ids(applyQuery(all, DEFAULT_QUERY, []))).toEqual([]);
  });

  it('filter menus list sites and languages with counts, most common first', () => {
    expect(facets(all)).toEqual({
      sites: [
        ['a.example', 2],
        ['b.example', 1],
      ],
      langs: [
        ['en', 2],
        ['ar', 1],
      ],
    });
  });

  it('storage sizes read like a person would write them', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024, 'en')).toBe('25 MB');
  });
});
