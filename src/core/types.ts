/**
 * The core's data contract. Everything here is plain, JSON-serialisable data: it crosses the
 * content-script/background boundary, is printed by the CLI, and is stored in the library.
 * The CLI's JSON output is a stable contract other tools depend on: add fields, never rename.
 */

/** Where a date (or place) was read from, best first. */
export type DateSource = 'json-ld' | 'microdata' | 'meta' | 'time-element' | 'text' | 'url';

/** How much of a published time the publisher stated. `day`: no time of day was given. */
export type DatePrecision = 'day' | 'minute' | 'second';

export interface Dateline {
  /**
   * ISO 8601 in the publisher's own wall-clock time: `2024-03-12T14:05-04:00` when the page
   * states an offset, `2019-11-15T13:42` when it does not, `2023-10-04` when no time is given.
   * Never converted to UTC, never a made-up midnight. null when no credible date was found.
   */
  published: string | null;
  /** Same format as `published`; null when absent or equal to / before `published`. */
  modified: string | null;
  precision: DatePrecision | null;
  /** Place of a wire dateline or schema.org locationCreated: "Washington", "London", "القاهرة". */
  place: string | null;
  /** News agency of a wire dateline: "AP", "Reuters", "dpa", "AFP". */
  agency: string | null;
  /** One readable line for the overlay, in the reader's locale. Empty when nothing was found. */
  text: string;
  /** Where `published` came from. */
  source: DateSource | null;
  /** Where `modified` came from. */
  modifiedSource?: DateSource | null;
}

export interface RelatedHeadline {
  /** Clean headline: no timestamps, rank numbers, kickers, doubled alt text, ellipses. */
  title: string;
  /** Absolute URL. */
  url: string;
  /** Heading of the block it was listed in ("Latest News"), or "Related" when the block had none. */
  section: string;
  /** Every block it appeared in, first first (only when more than one). */
  sections?: string[];
  /** ISO 8601 (publisher wall-clock, same rules as Dateline.published) when the card shows one. */
  published?: string;
  /** Absolute image URL when the card has one. */
  image?: string;
  /** Relevance to this article, 0..1; the list is sorted by it, highest first. */
  score: number;
}

/** One update of a live blog. */
export interface LiveEntry {
  /** ISO 8601 in the publisher's wall clock (same rules as Dateline.published); null when the page gives none. */
  time: string | null;
  /** The time as the page prints it ("14:05", "2 hours ago"); null when it prints none. */
  printed: string | null;
  title: string | null;
  /** The entry as sanitized HTML (time and title left out: they are shown in their own places). */
  content: string;
}

/** A live blog's entries, in the page's own order (issue #20). */
export interface LiveBlog {
  /** Where the entries were read: the page's JSON-LD `liveBlogUpdate`, its markup, or the markup with JSON-LD times. */
  source: 'json-ld' | 'markup' | 'json-ld+markup';
  entries: LiveEntry[];
}

export interface ExtractOptions {
  /** The page URL (for resolving relative links, URL shape, dates in the path). Defaults to the document's URL. */
  url?: string;
  /** "Now", for relative times ("3 hours ago") and rejecting future dates. Defaults to the real clock. */
  now?: Date | string | number;
  /** Locale and time zone the dateline text is written for (the reader's). */
  locale?: string;
  timeZone?: string;
  /**
   * Without `timeZone`: the reader's clock, as minutes east of UTC at an instant, for stating a relative
   * time ("3 hours ago") on it; the content script passes its runtime's own (Date's getTimezoneOffset),
   * which takes no Intl object (issue #24). Without either, relative times are stated in UTC.
   */
  utcOffset?: (epoch: number) => number;
  /** Pages larger than this many elements are refused with `error: "too-large"`. */
  maxElements?: number;
  /** Pages whose serialised HTML is larger than this many characters are refused the same way. */
  maxChars?: number;
  /** Pages with an element nested deeper than this many levels are refused the same way. */
  maxDepth?: number;
  /**
   * Debugging only (bench:extract --trace): the cleaning pushes every block it removes from the article
   * here, with the rule's name, to find the rules that cost recall.
   */
  debug?: { removed?: Removal[] };
}

export type ExtractErrorCode = 'too-large' | 'empty' | 'not-html' | 'no-article';

export interface ExtractResult {
  url: string;
  canonicalUrl: string | null;
  /** Is this an article page of a news site (not a home/section front, search, product or docs page)? */
  isNews: boolean;
  /** 0..1; isNews is score >= 0.5. */
  newsScore: number;
  /** Human-readable reasons behind the verdict, e.g. "JSON-LD type NewsArticle", "URL looks like a section front". */
  newsReasons: string[];
  title: string;
  /** The line the page prints above its headline (German "Dachzeile", "eyebrow"); absent when none. */
  kicker?: string;
  /** The summary the page prints under its headline (standfirst, dek), shown under the title; absent when none. */
  standfirst?: string;
  /** Authors merged with ", ", "By" stripped; null when unknown. */
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  excerpt: string | null;
  leadImage: string | null;
  favicon: string | null;
  /** The article as sanitized HTML (safe to insert into any DOM). Empty string when no article was found. */
  content: string;
  textContent: string;
  wordCount: number;
  readingMinutes: number;
  /** True when the page says the rest is behind a paywall: the content is a preview. */
  paywalled: boolean;
  dateline: Dateline;
  related: RelatedHeadline[];
  /** Set when the page is a live blog: its entries with their times. Absent otherwise. */
  live?: LiveBlog;
  /** Set when extraction was refused or found nothing; `message` is for the user. */
  error?: { code: ExtractErrorCode; message: string };
  /** Milliseconds per step, for benchmarks. */
  timings?: Record<string, number>;
}

/** A block a cleaning rule took out of the article, with the rule's name (ExtractOptions.debug). */
export interface Removal {
  kind: string;
  text: string;
}
