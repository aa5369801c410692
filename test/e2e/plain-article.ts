/**
 * A small, plain extracted article (one paragraph, no byline, picture or related headlines) for the
 * library and sync specs' generated libraries; `over` sets what a spec needs beyond it (a dateline).
 */
import type { ExtractResult } from '../../src/core/types';

export function plainArticle(
  url: string,
  title: string,
  text: string,
  wordCount: number,
  over: Partial<ExtractResult> = {},
): ExtractResult {
  return {
    url,
    canonicalUrl: null,
    isNews: true,
    newsScore: 0.9,
    newsReasons: [],
    title,
    byline: null,
    siteName: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    favicon: null,
    content: `<p>${text}</p>`,
    textContent: text,
    wordCount,
    readingMinutes: 1,
    paywalled: false,
    dateline: { published: null, modified: null, precision: null, place: null, agency: null, text: '', source: null },
    related: [],
    ...over,
  };
}
