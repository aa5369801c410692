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
import { detectNews } from './page/detect.js';
import { findDateline, liftWireDateline, readWireDateline } from './dateline/index.js';
import { findRelated } from './related/index.js';
import { sanitizeToInertFragment } from './sanitize.js';
import { cloneDocument } from './page/clone-document.js';
import { deeperThan } from './page/tree-depth.js';
import { textLength } from './page/text-length.js';
import { countText, readingMinutes, wordCount } from './article/reading-time.js';
import { cleanArticle, runningText } from './article/clean.js';
import { readPageMeta, textOf, typesOf, type JsonLdNode, type PageMeta } from './page/page-meta.js';
import { findByline } from './article/byline.js';
import { findPaywall } from './article/paywall.js';

/**
 * Budgets: extraction is synchronous in the page, so a page over them gets the "too large" notice
 * instead of a frozen tab (issue #9: 5 MB or 100,000 elements, no freeze over 1 s). Measured in
 * Chromium by bench:browser (busy 2-core machine): 100,000 elements took 41 s and 5 MB of text 36 s
 * to open, ordinary pages 0.1–0.3 s; the corpora's largest page has 4,287 elements.
 */
export const DEFAULT_MAX_ELEMENTS = 50_000;
export const DEFAULT_MAX_CHARS = 3_000_000;
export const DEFAULT_MAX_DEPTH = 200;

const EMPTY_DATELINE: Dateline = { published: null, modified: null, precision: null, place: null, agency: null, text: '', source: null };
const RTL_LANGS = /^(?:ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb|syr)(?:[-_]|$)/i;
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

function toDate(now: ExtractOptions['now']): Date {
  if (now === undefined) return new Date();
  const d = now instanceof Date ? now : new Date(now);
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}

function emptyResult(url: string, code: NonNullable<ExtractResult['error']>['code'], message: string): ExtractResult {
  return {
    url, canonicalUrl: null, isNews: false, newsScore: 0, newsReasons: [], title: '', byline: null, siteName: null,
    lang: null, dir: 'ltr', excerpt: null, leadImage: null, favicon: null, content: '', textContent: '', wordCount: 0,
    readingMinutes: 0, paywalled: false, dateline: { ...EMPTY_DATELINE }, related: [], error: { code, message },
  };
}

/** Why a document cannot be read at all, or null when it can. */
function refusal(doc: Document, url: string, options: ExtractOptions): ExtractResult | null {
  const root = doc.documentElement;
  if (!root) return emptyResult(url, 'empty', 'This page is empty: there is nothing to read.');
  if (root.namespaceURI !== XHTML_NS) {
    return emptyResult(url, 'not-html', `This is not a web page (it is a <${root.localName}> document), so there is no article to read.`);
  }
  const body = doc.body;
  if (body && body.localName === 'frameset') {
    return emptyResult(url, 'no-article', 'This page is made of frames; open the frame with the article on its own to read it.');
  }
  if (!body || (!body.firstElementChild && !(body.textContent ?? '').trim())) {
    return emptyResult(url, 'empty', 'This page is empty: there is nothing to read.');
  }
  // The budget is checked before any real work, so a huge page is refused quickly instead of freezing the tab.
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const elements = doc.getElementsByTagName('*').length;
  if (elements > maxElements) {
    return emptyResult(url, 'too-large', `This page is too large to clean: it has ${elements.toLocaleString('en')} elements (the limit is ${maxElements.toLocaleString('en')}).`);
  }
  // Nesting a page script built (tree-depth.ts: Readability's cost grows faster than the depth).
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (deeperThan(root, maxDepth)) {
    return emptyResult(url, 'too-large', `This page is too large to clean: its elements are nested more than ${maxDepth} levels deep.`);
  }
  // The text is a lower bound of the serialized size, and far cheaper to measure than serializing.
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const chars = textLength(root);
  if (chars > maxChars) {
    return emptyResult(url, 'too-large', `This page is too large to clean: it has ${(chars / 1e6).toFixed(1)} million characters of text (the limit is ${(maxChars / 1e6).toFixed(1)} million).`);
  }
  return null;
}

function pageLang(doc: Document, pm: PageMeta): string | null {
  const raw = doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang')
    ?? doc.body?.getAttribute('lang') ?? pm.meta.get('http-equiv:content-language') ?? pm.meta.get('og:locale') ?? null;
  const lang = raw?.split(',')[0]?.trim().replace(/_/g, '-');
  return lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang) ? lang : null;
}

function pageDir(doc: Document, readabilityDir: string | null | undefined, lang: string | null): 'ltr' | 'rtl' {
  const declared = (doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? readabilityDir ?? '').trim().toLowerCase();
  if (declared === 'rtl') return 'rtl';
  if (declared === 'ltr') return 'ltr';
  return lang && RTL_LANGS.test(lang) ? 'rtl' : 'ltr';
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

/**
 * Canonical URL and favicon from the <link> elements. A tag name, not
 * querySelector('link[rel~=canonical i]'): attribute selectors are slow in jsdom (the CLI); a static
 * list, not getElementsByTagName: iterating a live collection is quadratic in jsdom.
 */
function links(doc: Document, base: string): { canonical: string | null; favicon: string | null } {
  let canonical: string | null = null;
  let icon: string | null = null;
  let apple: string | null = null;
  for (const link of Array.from(doc.querySelectorAll('link'))) {
    const href = link.getAttribute('href');
    if (!href) continue;
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!canonical && rel.includes('canonical')) canonical = absolute(href, base);
    if (!icon && rel.includes('icon')) icon = absolute(href, base);
    if (!apple && rel.includes('apple-touch-icon')) apple = absolute(href, base);
  }
  return { canonical, favicon: icon ?? apple ?? absolute('/favicon.ico', base) };
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
function withoutSiteName(title: string, siteName: string | null, url: string): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const names = siteKeys(siteName, url);
  // The site's name after the last separator ("… – Site Name") or before the first ("Site: …").
  const last = parts[parts.length - 1]!;
  if (isSiteName(last, names)) {
    const rest = title.slice(0, title.length - last.length).replace(/[\s|｜\-–—:·•»/\\]+$/, '').trim();
    if (rest.length >= 10) return rest;
  }
  const first = parts[0]!;
  if (isSiteName(first, names)) {
    const rest = title.slice(first.length).replace(/^[\s|｜\-–—:·•»/\\]+/, '').trim();
    if (rest.length >= 10) return rest;
  }
  return title;
}

/** A separator between a headline and the site's name: a bar or dash with spaces, or a full-width bar. */
const TITLE_SEPARATOR = /\s+[|\-–—·•»:/]\s+|\s*[｜|]\s*|:\s+/;
/** What may follow the domain's label in a site's name: "BBC News", "Example.com". */
const SITE_SUFFIX = /^(?:news|online|com|net|org|de|uk|fr|tv|ch|at|it|es|nl|au|ca)$/;
const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The site's name and its domain's own label ("www.dailynews.co.uk" → "dailynews"), squashed. */
function siteKeys(siteName: string | null, url: string): string[] {
  const keys = siteName ? [squash(siteName)] : [];
  try {
    const labels = new URL(url).hostname.replace(/^www\d?\./, '').split('.');
    // The label before the public suffix: the last one, or the one before a two-letter country code
    // under a short second level ("co.uk", "com.au").
    const short = labels.length >= 3 && /^(?:co|com|net|org|gov|ac)$/.test(labels[labels.length - 2]!);
    const i = short ? labels.length - 3 : labels.length - 2;
    if (i >= 0) keys.push(squash(labels[i]!), squash(labels.slice(i).join('.')));
  } catch { /* no URL: the site name alone */ }
  return keys.filter((k) => k.length >= 2);
}

/** "Site Name", "SITENAME.com", "Site Name News" when the site is sitename: a piece naming the site, not a headline. */
function isSiteName(piece: string, keys: string[]): boolean {
  const p = squash(piece);
  if (!p || piece.trim().split(/\s+/).length > 5) return false;
  return keys.some((k) => p === k || (p.startsWith(k) && SITE_SUFFIX.test(p.slice(k.length))));
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

  const refused = refusal(doc, url, options);
  if (refused) return refused;
  let t = lap('budget', t0);

  const pm = readPageMeta(doc);
  const lang = pageLang(doc, pm);
  const linked = links(doc, url);
  const canonicalUrl = linked.canonical;
  const verdict = detectNews(doc, url, pm);
  t = lap('detect', t);

  const dateline = findDateline(doc, { url, now, lang, locale: options.locale, timeZone: options.timeZone });
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
  const rawTitle = headlineOf(node) || (parsed?.title ?? '').replace(/\s+/g, ' ').trim() || pm.meta.get('og:title')
    || doc.title.replace(/\s+/g, ' ').trim();
  const title = withoutSiteName(rawTitle, siteName, url);
  let content = '';
  let textContent = '';
  let paywallInArticle = false;
  let byline: string | null = null;
  const article = parsed?.content ?? null;
  if (article) {
    // The header's byline and dateline, known before cleaning: a byline or date line leaves the body
    // only when the header shows what it says.
    byline = findByline(pm, node, parsed?.byline ?? null);
    const wireAhead = readWireDateline(article);
    const shown = {
      byline, dated: dateline.published !== null, agency: dateline.agency ?? wireAhead?.agency ?? null,
      place: dateline.place ?? wireAhead?.place ?? null, siteName,
    };
    const report = cleanArticle(article, { base: url, title, shown, removed: options.debug?.removed });
    paywallInArticle = report.paywallHint;
    // Lifted only when the dateline will show it: a place or agency other than the dateline's own
    // would vanish from the page, so that prefix stays in the paragraph.
    const seen = readWireDateline(article);
    const fits = seen && (!dateline.place || dateline.place === seen.place)
      && (!dateline.agency || !seen.agency || dateline.agency === seen.agency);
    const wire = fits ? liftWireDateline(article) : null;
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
    t = lap('sanitize', t);
  }

  const related = findRelated(doc, { url, canonicalUrl, now, lang, title, text: textContent });
  t = lap('related', t);

  const counts = countText(textContent);
  const words = wordCount(counts);
  const reasons = [...verdict.reasons];
  let score = verdict.score;
  // Readability's own result is the best text-density signal: it also sees text outside <p>.
  if (words >= 300) { score += 0.2; reasons.push(`Readability found an article of ${words} words`); }
  else if (words >= 120) { score += 0.1; reasons.push(`Readability found an article of ${words} words`); }
  else if (words < 40) { score -= 0.2; reasons.push('Readability found little or no article text'); }
  // Readability's readerable check breaks ties only: it misses short and CJK articles and passes docs pages.
  if (score >= 0.35 && score < 0.65 && words >= 40) {
    if (isProbablyReaderable(doc)) { score += 0.1; reasons.push('Readability: probably readerable'); }
    else reasons.push('Readability: not readerable by its own check');
  }
  score = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;

  const paywall = findPaywall(doc, pm, node, textContent, paywallInArticle);
  if (paywall) reasons.push(paywall);
  const result: ExtractResult = {
    url,
    canonicalUrl,
    isNews: score >= 0.5,
    newsScore: score,
    newsReasons: reasons,
    title,
    byline: article ? byline : findByline(pm, node, parsed?.byline ?? null),
    siteName,
    lang: lang ?? (parsed?.lang?.trim() || null),
    dir: pageDir(doc, parsed?.dir, lang ?? parsed?.lang ?? null),
    excerpt: excerptOf(parsed?.excerpt ?? pm.meta.get('description'), textContent),
    leadImage: absolute(pm.meta.get('og:image') ?? pm.meta.get('og:image:url') ?? pm.meta.get('twitter:image') ?? pm.meta.get('twitter:image:src') ?? jsonLdImage(node ? [node, ...pm.jsonLd] : pm.jsonLd), url)
      ?? absolute(/<img[^>]+src="([^"]+)"/.exec(content)?.[1]?.replace(/&amp;/g, '&'), url),
    favicon: linked.favicon,
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
