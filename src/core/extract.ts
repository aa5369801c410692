/**
 * extract(document, { url, now }): the one entry the CLI, tests, benchmarks and content script call.
 *
 * Invariant: the caller's document is never mutated. Dateline and related headlines are read from
 * the live document first (Readability throws related blocks away); Readability gets a clone.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ExtractOptions, ExtractResult, Dateline } from './types.js';
import { detectNews } from './detect.js';
import { findDateline, liftWireDateline } from './dateline.js';
import { findRelated } from './related.js';
import { sanitizeHtml, sanitizeToFragment } from './sanitize.js';
import { readingMinutes, wordCount } from './reading-time.js';

export const DEFAULT_MAX_ELEMENTS = 150_000;
export const DEFAULT_MAX_CHARS = 12_000_000;

const EMPTY_DATELINE: Dateline = { published: null, modified: null, precision: null, place: null, agency: null, text: '', source: null };

function toDate(now: ExtractOptions['now']): Date {
  if (now === undefined) return new Date();
  const d = now instanceof Date ? now : new Date(now);
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try { return new URL(href, base).href; } catch { return null; }
}

function meta(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

function emptyResult(url: string, code: NonNullable<ExtractResult['error']>['code'], message: string): ExtractResult {
  return {
    url, canonicalUrl: null, isNews: false, newsScore: 0, newsReasons: [], title: '', byline: null, siteName: null,
    lang: null, dir: 'ltr', excerpt: null, leadImage: null, favicon: null, content: '', textContent: '', wordCount: 0,
    readingMinutes: 0, paywalled: false, dateline: { ...EMPTY_DATELINE }, related: [], error: { code, message },
  };
}

/** Makes every link and image in the article absolute against the page URL. */
function absolutize(root: Element, base: string): void {
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const abs = absolute(a.getAttribute('href'), base);
    if (abs) a.setAttribute('href', abs); else a.removeAttribute('href');
  }
  for (const img of Array.from(root.querySelectorAll('img[src]'))) {
    const abs = absolute(img.getAttribute('src'), base);
    if (abs) img.setAttribute('src', abs); else img.removeAttribute('src');
  }
}

export function extract(doc: Document, options: ExtractOptions = {}): ExtractResult {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number): number => { const t = performance.now(); timings[name] = t - since; return t; };
  const url = options.url ?? doc.URL ?? 'about:blank';
  const now = toDate(options.now);

  if (!doc.documentElement || !doc.body) return emptyResult(url, 'empty', 'This page is empty: there is nothing to read.');
  const elements = doc.getElementsByTagName('*').length;
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  if (elements > maxElements) {
    return emptyResult(url, 'too-large', `This page is too large to clean (${elements.toLocaleString('en')} elements).`);
  }

  let t = performance.now();
  const lang = doc.documentElement.getAttribute('lang')?.trim() || meta(doc, 'meta[http-equiv="content-language" i]') || null;
  const canonicalUrl = absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url);
  const readerable = isProbablyReaderable(doc);
  const verdict = detectNews(doc, url);
  t = lap('detect', t);

  const dateline = findDateline(doc, { url, now, lang, locale: options.locale, timeZone: options.timeZone });
  t = lap('dateline', t);

  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone, { charThreshold: 300, keepClasses: false }).parse();
  t = lap('readability', t);

  let content = '';
  let textContent = '';
  if (parsed?.content) {
    // Parsing into a detached element of an inert template document runs no script and loads nothing.
    const inert = doc.implementation.createHTMLDocument('');
    const root = inert.createElement('div');
    root.append(sanitizeToFragment(parsed.content, doc));
    absolutize(root, url);
    const wire = liftWireDateline(root);
    if (wire) {
      dateline.place ??= wire.place;
      dateline.agency ??= wire.agency;
    }
    content = sanitizeHtml(root.innerHTML, doc);
    textContent = (root.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  t = lap('clean', t);

  const title = parsed?.title?.trim() || doc.title.trim();
  const related = findRelated(doc, { url, canonicalUrl, now, lang, title, text: textContent });
  t = lap('related', t);

  const words = wordCount(textContent);
  const isNews = verdict.isNews || (readerable && verdict.score >= 0.4);
  const result: ExtractResult = {
    url,
    canonicalUrl,
    isNews,
    newsScore: verdict.score,
    newsReasons: readerable ? [...verdict.reasons, 'Readability: probably readerable'] : verdict.reasons,
    title,
    byline: parsed?.byline?.replace(/^\s*by\s+/i, '').trim() || null,
    siteName: parsed?.siteName?.trim() || null,
    lang: parsed?.lang || lang,
    dir: (parsed?.dir ?? doc.documentElement.getAttribute('dir') ?? '').toLowerCase() === 'rtl' ? 'rtl' : 'ltr',
    excerpt: parsed?.excerpt?.trim() || null,
    leadImage: absolute(meta(doc, 'meta[property="og:image"]'), url),
    favicon: absolute(doc.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? '/favicon.ico', url),
    content,
    textContent,
    wordCount: words,
    readingMinutes: readingMinutes(textContent, lang),
    paywalled: false,
    dateline,
    related,
    timings,
  };
  if (!content) result.error = { code: 'no-article', message: 'No article was found on this page.' };
  timings.total = performance.now() - t0;
  return result;
}
