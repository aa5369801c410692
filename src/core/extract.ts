/**
 * extract(document, { url, now }): the one entry the CLI, tests, benchmarks and content script call.
 *
 * Invariants:
 * - the caller's document is never mutated: dateline and related headlines are read from the live
 *   document first (Readability throws related blocks away); Readability gets a clone, and all the
 *   cleaning happens on Readability's article element inside that clone;
 * - it never throws: an empty, frameset, non-HTML or oversized document, or an internal failure,
 *   comes back as `error: { code, message }` with a message for the user;
 * - `content` has been through the sanitizer exactly once (sanitize.ts, DOMPurify), and
 *   `textContent` is the running text of that sanitized content (captions left out).
 *
 * Pipeline: size budget → page metadata → detect → dateline (live doc) → Readability (clone, the
 * article as a DOM element, not a string) → clean (clutter, lazy images, absolute URLs) → wire
 * dateline → sanitize → related (live doc) → byline, paywall, reading time.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { FastReadability } from './article/readability-fast.js';
import type { ExtractOptions, ExtractResult, Dateline } from './types.js';
import { withArticleEvidence } from './page/detect.js';
import { refusal } from './page/budget.js';
import { httpUrl, readPage } from './page/read-page.js';
import { findDateline, liftWireDateline } from './dateline/index.js';
import { findRelated } from './related/index.js';
import { sanitizeToInertFragment } from './sanitize.js';
import { cloneDocument } from './page/clone-document.js';
import { countText, readingMinutes, wordCount } from './article/reading-time.js';
import { cleanArticle, runningText } from './article/clean.js';
import { textOf, typesOf, type JsonLdNode, type PageMeta } from './page/page-meta.js';
import { findByline } from './article/byline.js';
import { findPaywall } from './article/paywall.js';

const EMPTY_DATELINE: Dateline = { published: null, modified: null, precision: null, place: null, agency: null, text: '', source: null };
const RTL_LANGS = /^(?:ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb|syr)(?:[-_]|$)/i;

function toDate(now: ExtractOptions['now']): Date {
  if (now === undefined) return new Date();
  const d = now instanceof Date ? now : new Date(now);
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

/** The result for a page that cannot be read: the content script shows `error.message` as its notice. */
export function emptyResult(url: string, code: NonNullable<ExtractResult['error']>['code'], message: string): ExtractResult {
  return {
    url, canonicalUrl: null, isNews: false, newsScore: 0, newsReasons: [], title: '', byline: null, siteName: null,
    lang: null, dir: 'ltr', excerpt: null, leadImage: null, favicon: null, content: '', textContent: '', wordCount: 0,
    readingMinutes: 0, paywalled: false, dateline: { ...EMPTY_DATELINE }, related: [], error: { code, message },
  };
}

function pageDir(doc: Document, readabilityDir: string | null | undefined, lang: string | null): 'ltr' | 'rtl' {
  const declared = (doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? readabilityDir ?? '').trim().toLowerCase();
  if (declared === 'rtl') return 'rtl';
  if (declared === 'ltr') return 'ltr';
  return lang && RTL_LANGS.test(lang) ? 'rtl' : 'ltr';
}

/** The article's first picture, read from the sanitized DOM in hand (not by a regex over its HTML). */
function firstImageSrc(root: Element): string | null {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    const src = img.getAttribute('src');
    if (src) return src;
  }
  return null;
}

function jsonLdImage(nodes: JsonLdNode[]): string | null {
  for (const n of nodes) {
    const img = n.image ?? n.thumbnailUrl;
    const first = Array.isArray(img) ? img[0] : img;
    if (typeof first === 'string') return first;
    if (first && typeof first === 'object') {
      const u = (first as JsonLdNode).url ?? (first as JsonLdNode).contentUrl;
      if (typeof u === 'string') return u;
    }
  }
  return null;
}

/** The article's JSON-LD node: the first news/article-typed node, for byline, paywall and publisher. */
function articleNode(pm: PageMeta): JsonLdNode | null {
  return pm.jsonLd.find((n) => typesOf(n).some((t) => /Article|BlogPosting|LiveBlogPosting|Report|WebPage/.test(t) && t !== 'CollectionPage')) ?? null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** The JSON-LD headline, with the few HTML entities CMSs leave in JSON decoded. */
function headlineOf(node: JsonLdNode | null): string | null {
  const h = typeof node?.headline === 'string' ? node.headline : null;
  if (!h) return null;
  const clean = h.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e.toLowerCase()] ?? (/^#\d+$/.test(e) ? String.fromCodePoint(Number(e.slice(1))) : m))
    .replace(/\s+/g, ' ').trim();
  return clean.length >= 3 && clean.length <= 300 ? clean : null;
}

/**
 * "Headline｜Site" → "Headline". Readability splits on ASCII separators only; full-width and
 * other separators followed by the site's own name are removed here.
 */
function withoutSiteName(title: string, siteName: string | null): string {
  if (!siteName || title.length <= siteName.length + 3) return title;
  const esc = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s*[|｜\\-–—:·•»/\\\\]\\s*${esc}\\s*$`, 'i'), '').trim();
  return stripped.length >= 3 ? stripped : title;
}

function siteNameOf(parsedSite: string | null | undefined, pm: PageMeta, node: JsonLdNode | null): string | null {
  return parsedSite?.trim() || pm.meta.get('og:site_name') || textOf(node?.publisher) || pm.meta.get('application-name')
    || textOf(pm.jsonLd.find((n) => typesOf(n).includes('WebSite'))?.name) || null;
}

function excerptOf(raw: string | null | undefined, text: string): string | null {
  const e = (raw ?? '').replace(/\s+/g, ' ').trim() || text.split('\n\n')[0] || '';
  if (!e) return null;
  return e.length > 320 ? `${e.slice(0, 317).replace(/\s+\S*$/, '')}…` : e;
}

export function extract(doc: Document, options: ExtractOptions = {}): ExtractResult {
  const url = options.url ?? doc?.URL ?? 'about:blank';
  try {
    return run(doc, url, options);
  } catch (e) {
    // Real pages break DOM implementations in odd ways (jsdom's CSS parser, clobbered properties);
    // the reader says so instead of failing silently or throwing into the content script.
    return emptyResult(url, 'no-article', `This page could not be read (${(e as Error)?.message ?? String(e)}).`);
  }
}

function run(doc: Document, url: string, options: ExtractOptions): ExtractResult {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number): number => { const t = performance.now(); timings[name] = t - since; return t; };
  const now = toDate(options.now);

  const refused = refusal(doc, options);
  if (refused) return emptyResult(url, refused.code, refused.message);
  let t = lap('budget', t0);

  const page = readPage(doc, url);
  const pm = page;
  const lang = page.lang;
  const canonicalUrl = page.canonical;
  t = lap('detect', t);

  const dateline = findDateline(page, { url, now, lang, locale: options.locale, timeZone: options.timeZone });
  t = lap('dateline', t);

  const clone = cloneDocument(doc, url);
  // The article comes back as an element of the clone, not as a string: no re-parsing, and the
  // cleaning below works on a copy the page never sees.
  // disableJSONLD: the JSON-LD was parsed once already (readPageMeta); headline, author and
  // publisher are taken from there below.
  const parsed = new FastReadability<Element>(clone, {
    keepClasses: true, disableJSONLD: true, serializer: (el) => el as Element,
    // Readability starts over from the page itself, not from a serialized snapshot.
    source: doc,
  }).parse();
  t = lap('readability', t);

  const node = articleNode(pm);
  const siteName = siteNameOf(parsed?.siteName, pm, node);
  const title = withoutSiteName(headlineOf(node) || (parsed?.title ?? '').replace(/\s+/g, ' ').trim() || pm.meta.get('og:title') || doc.title.replace(/\s+/g, ' ').trim(), siteName);
  let content = '';
  let textContent = '';
  let paywallInArticle = false;
  let firstImage: string | null = null;
  const article = parsed?.content ?? null;
  if (article) {
    const report = cleanArticle(article, { base: url, title });
    paywallInArticle = report.paywallHint;
    const wire = liftWireDateline(article);
    if (wire) {
      dateline.place ??= wire.place;
      dateline.agency ??= wire.agency;
    }
    t = lap('clean', t);
    // Sanitized once; the text is read from the sanitized tree, so it is exactly what is shown.
    const fragment = sanitizeToInertFragment(article.innerHTML, doc);
    textContent = runningText(fragment as unknown as Element);
    const holder = (fragment.ownerDocument ?? clone).createElement('div');
    holder.append(fragment);
    content = textContent || holder.getElementsByTagName('img').length ? holder.innerHTML : '';
    firstImage = firstImageSrc(holder);
    t = lap('sanitize', t);
  }

  const related = findRelated(page, { url, canonicalUrl, now, lang, title, text: textContent });
  t = lap('related', t);

  const counts = countText(textContent);
  const words = wordCount(counts);
  const verdict = withArticleEvidence(page.verdict, words, () => isProbablyReaderable(doc));
  const reasons = verdict.reasons;

  const paywall = findPaywall(doc, pm, node, textContent, paywallInArticle);
  if (paywall) reasons.push(paywall);
  const result: ExtractResult = {
    url,
    canonicalUrl,
    isNews: verdict.isNews,
    newsScore: verdict.score,
    newsReasons: reasons,
    title,
    byline: findByline(pm, node, parsed?.byline ?? null),
    siteName,
    lang: lang ?? (parsed?.lang?.trim() || null),
    dir: pageDir(doc, parsed?.dir, lang ?? parsed?.lang ?? null),
    excerpt: excerptOf(parsed?.excerpt ?? pm.meta.get('description'), textContent),
    leadImage: httpUrl(pm.meta.get('og:image') ?? pm.meta.get('og:image:url') ?? pm.meta.get('twitter:image') ?? pm.meta.get('twitter:image:src') ?? jsonLdImage(node ? [node, ...pm.jsonLd] : pm.jsonLd), url)
      ?? httpUrl(firstImage, url),
    favicon: page.favicon,
    content,
    textContent,
    wordCount: words,
    readingMinutes: readingMinutes(counts, lang ?? parsed?.lang ?? null),
    paywalled: paywall !== null,
    dateline,
    related,
    timings,
  };
  if (!content) result.error = { code: 'no-article', message: 'No article was found on this page.' };
  lap('metadata', t);
  timings.total = performance.now() - t0;
  return result;
}
