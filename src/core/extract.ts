/**
 * extract(document, { url, now }): the one entry the CLI, tests, benchmarks and content script call,
 * and the conductor of the core's pipeline — refuse → read the page once → stages → assemble:
 *
 *   page/budget.ts      refusal: empty, not HTML, frames, over the size budgets
 *   page/read-page.ts   the one read of the live page every stage takes (meta, JSON-LD, lang,
 *                       canonical URL, favicon, site, the news verdict from the page's signals)
 *   dateline/           published / modified / place / agency, from the live page
 *   article/            Readability on a clone → clean → (wire dateline lifted) → sanitize → metadata
 *   related/            other stories, from the live page
 *   live/               a live blog's entries with their times, from the live page
 *   page/detect.ts      the verdict with Readability's evidence added
 *
 * The stages run as steps of a generator (steps()): extractArticle runs them back to back,
 * extractArticleInSteps hands the event loop back between two of them (the reader's open, issue #24).
 *
 * Invariants:
 * - the caller's document is never mutated: dateline and related headlines are read from the live
 *   document (Readability throws related blocks away); Readability gets a clone, and all the
 *   cleaning happens on Readability's article element inside that clone;
 * - it never throws: an empty, frameset, non-HTML or oversized document, or an internal failure,
 *   comes back as `error: { code, message }` with a message for the user;
 * - `content` has been through the sanitizer exactly once (sanitize.ts, DOMPurify), and
 *   `textContent` is the running text of that sanitized content (captions left out).
 */
import { isProbablyReaderable } from '@mozilla/readability';
import type { Dateline, ExtractOptions, ExtractResult } from './types.js';
import type { SanitizedFragment } from './sanitize.js';
import { refusal } from './page/budget.js';
import { readPage, type PageRead } from './page/read-page.js';
import { withArticleEvidence } from './page/detect.js';
import { findDateline, liftWireDateline, readWireDateline } from './dateline/index.js';
import { finishArticle, parseArticle, runReadability } from './article/index.js';
import { cloneDocument } from './page/clone-document.js';
import type { RelatedContext } from './related/index.js';
import { addRelated } from './extract-related.js';
import { findLiveBlog } from './live/index.js';

const EMPTY_DATELINE: Dateline = {
  published: null,
  modified: null,
  precision: null,
  place: null,
  agency: null,
  text: '',
  source: null,
};

function toDate(now: ExtractOptions['now']): Date {
  if (now === undefined) return new Date();
  const d = now instanceof Date ? now : new Date(now);
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

/** The result for a page that cannot be read: the content script shows `error.message` as its notice. */
export function emptyResult(
  url: string,
  code: NonNullable<ExtractResult['error']>['code'],
  message: string,
): ExtractResult {
  return {
    url,
    canonicalUrl: null,
    isNews: false,
    newsScore: 0,
    newsReasons: [],
    title: '',
    byline: null,
    siteName: null,
    lang: null,
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    favicon: null,
    content: '',
    textContent: '',
    wordCount: 0,
    readingMinutes: 0,
    paywalled: false,
    dateline: { ...EMPTY_DATELINE },
    related: [],
    error: { code, message },
  };
}

/**
 * extract() in two phases over the same read of the page, for a reader that paints the article first
 * (issue #24): extractArticle() gives everything but the related headlines (`related: []`), and
 * addRelated() runs the related stage over the same page read and fills them in (the live page, which
 * a reader has not changed: its overlay sits outside <body>). Two functions, so that a bundle with only
 * the first (the content script's first part) carries none of the related stage's code.
 * extract() is both back to back: the same output.
 */
export interface PhasedExtraction {
  result: ExtractResult;
  /** The sanitized tree `result.content` was serialized from (inert), for the overlay to adopt; or null. */
  body: SanitizedFragment | null;
  /** What the related stage reads (null: nothing to relate, the page was refused or unreadable). */
  relatedInput: { page: PageRead; context: RelatedContext } | null;
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): PhasedExtraction {
  const url = options.url ?? doc?.URL ?? 'about:blank';
  try {
    const run = steps(doc, url, options);
    let step = run.next();
    while (!step.done) step = run.next();
    return step.value;
  } catch (e) {
    return unreadable(url, e);
  }
}

/**
 * extractArticle in steps, for a reader that must not hold the page's main thread in one long task
 * (issue #24): between two stages (page read, dateline, clone, Readability, cleaning, sanitizer, the
 * rest) it awaits `pause()`, which hands the event loop back (input, rendering, the background's
 * message). The same stages on the same page read: the same result as extractArticle on a page that
 * did not change meanwhile, but for `dateline.text`, left empty: formatting it builds the page's first
 * Intl objects, which the reader's first paint does without (the reader formats it when it saves).
 * `datedAt` gets the dateline's times as soon as they are found, before the article (which may still
 * add a place or an agency to the dateline, never a time): the reader has them formatted meanwhile.
 */
export async function extractArticleInSteps(
  doc: Document,
  options: ExtractOptions,
  pause: () => Promise<void>,
  datedAt?: (times: Pick<Dateline, 'published' | 'modified'>) => void,
): Promise<PhasedExtraction> {
  const url = options.url ?? doc?.URL ?? 'about:blank';
  try {
    const run = steps(doc, url, options, { datelineText: false, datedAt });
    let step = run.next();
    while (!step.done) {
      await pause();
      step = run.next();
    }
    return step.value;
  } catch (e) {
    return unreadable(url, e);
  }
}

/**
 * Real pages break DOM implementations in odd ways (jsdom's CSS parser, clobbered properties); the
 * reader says so instead of failing silently or throwing into the content script.
 */
function unreadable(url: string, e: unknown): PhasedExtraction {
  return failed(emptyResult(url, 'no-article', `This page could not be read (${(e as Error)?.message ?? String(e)}).`));
}

export function extract(doc: Document, options: ExtractOptions = {}): ExtractResult {
  const phased = extractArticle(doc, options);
  addRelated(phased);
  return phased.result;
}

function failed(result: ExtractResult): PhasedExtraction {
  return { result, body: null, relatedInput: null };
}

/**
 * The pipeline as a generator: each `yield` is a point between two stages where a driver may pause
 * (extractArticleInSteps) or go straight on (extractArticle). `timings` hold each stage's own time
 * and `total` their sum, pauses left out.
 */
interface StepHooks {
  /** false: `dateline.text` left empty (extractArticleInSteps). */
  datelineText?: boolean;
  datedAt?: (times: Pick<Dateline, 'published' | 'modified'>) => void;
}

function* steps(
  doc: Document,
  url: string,
  options: ExtractOptions,
  hooks: StepHooks = {},
): Generator<void, PhasedExtraction, void> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  let since = t0;
  let paused = 0;
  const lap = (stage: string): void => {
    const t = performance.now();
    timings[stage] = t - since;
    since = t;
  };
  /** After a pause: the time away counts for no stage. */
  const resumed = (): void => {
    const t = performance.now();
    paused += t - since;
    since = t;
  };
  const now = toDate(options.now);

  const refused = refusal(doc, options);
  if (refused) return failed(emptyResult(url, refused.code, refused.message));
  lap('budget');

  const page = readPage(doc, url);
  lap('detect');
  yield;
  resumed();

  const { locale, timeZone, utcOffset } = options;
  const text = hooks.datelineText;
  const dateline = findDateline(page, { url, now, lang: page.lang, locale, timeZone, utcOffset, text });
  lap('dateline');
  hooks.datedAt?.({ published: dateline.published, modified: dateline.modified });
  yield;
  resumed();

  const clone = cloneDocument(doc, url);
  lap('clone');
  yield;
  resumed();
  const readability = runReadability(page, clone);
  lap('readability');
  yield;
  resumed();

  const parsed = parseArticle(page, clone, readability, {
    dated: dateline.published !== null,
    times: [dateline.published, dateline.modified],
    place: dateline.place,
    agency: dateline.agency,
    peekWire: readWireDateline,
    removed: options.debug?.removed,
  });
  // The wire dateline opens the article's text: lifted off the cleaned article, before the sanitizer —
  // only when the dateline will show it (a place or agency other than the dateline's own would vanish
  // from the page, so that prefix stays in the paragraph).
  const fits = (seen: { place: string | null; agency: string | null }): boolean =>
    (!dateline.place || dateline.place === seen.place) &&
    (!dateline.agency || !seen.agency || dateline.agency === seen.agency);
  const wire = parsed.element ? liftWireDateline(parsed.element, fits) : null;
  if (wire) {
    dateline.place ??= wire.place;
    dateline.agency ??= wire.agency;
  }
  if (parsed.element) lap('clean');
  yield;
  resumed();
  const article = finishArticle(page, parsed, lap);
  yield;
  resumed();

  const live = findLiveBlog(page);
  lap('live');

  const verdict = withArticleEvidence(page.verdict, article.wordCount, () => isProbablyReaderable(doc));
  const result: ExtractResult = {
    url,
    canonicalUrl: page.canonical,
    isNews: verdict.isNews,
    newsScore: verdict.score,
    newsReasons: article.paywall ? [...verdict.reasons, article.paywall] : verdict.reasons,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    lang: article.lang,
    dir: article.dir,
    excerpt: article.excerpt,
    leadImage: article.leadImage,
    favicon: page.favicon,
    content: article.content,
    textContent: article.textContent,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    paywalled: article.paywall !== null,
    dateline,
    related: [],
    timings,
  };
  if (live) result.live = live;
  if (article.kicker) result.kicker = article.kicker;
  if (article.standfirst) result.standfirst = article.standfirst;
  if (!article.content) result.error = { code: 'no-article', message: 'No article was found on this page.' };
  lap('metadata');
  timings.total = performance.now() - t0 - paused;

  return {
    result,
    body: article.body,
    relatedInput: {
      page,
      context: {
        url,
        canonicalUrl: page.canonical,
        now,
        lang: page.lang,
        title: article.title,
        text: article.textContent,
      },
    },
  };
}
