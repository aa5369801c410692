/**
 * The article stage: Readability on a clone of the page, then the cleaning, the sanitizer, and what
 * the reader shows around the text (title, site name, byline, excerpt, lead image, direction,
 * reading time, paywall). Reads the page read (meta, JSON-LD) and never the live document's DOM
 * for the article itself: all the cleaning happens on the clone.
 *
 * Three calls, so the conductor can lift the wire dateline ("WASHINGTON (AP) —", the dateline stage's
 * business) off the cleaned article before it is sanitized, and hand the event loop back between
 * them: runReadability (Readability on the conductor's clone), parseArticle (clean), then
 * finishArticle (sanitize → text → metadata).
 */
import type { Readability } from '@mozilla/readability';
import { ClassKeepingReadability } from './carried-classes.js';
import { cloneDocument } from '../page/clone-document.js';
import { httpUrl, type PageRead } from '../page/read-page.js';
import { textOf, typesOf, type JsonLdNode, type PageMeta } from '../page/page-meta.js';
import { sanitizeToInertFragment, type SanitizedFragment } from '../sanitize.js';
import { countText, readingMinutes, wordCount } from './reading-time.js';
import { cleanArticle, runningText } from './clean.js';
import { removeSiteChrome } from './site-chrome.js';
import { removeChromeLines } from './chrome-lines.js';
import { findByline } from './byline.js';
import { findPaywall } from './paywall.js';
import { findHeadline } from './printed-byline.js';
import { findKicker, removeKickerLine } from './kicker.js';
import { counterpart, findStrayPick, type StrayPick } from './stray-pick.js';
import { findStandfirst } from './standfirst.js';
import { dropStoryLinks } from './story-links.js';
import { addLeadFigure } from './lead-figure.js';
import { removeSideColumn } from './side-column.js';
import { chooseTitle, headlineOf, titleLine } from './title.js';
import { dropRepeatedPictures, dropRepeatedText } from './repeated-text.js';
import { dropAuthorBox } from './author-box.js';
import { dropTrailingHeadings, removeRelatedTail } from './related-tail.js';
import type { Removal } from '../types.js';

const RTL_LANGS = /^(?:ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb|syr)(?:[-_]|$)/i;

/** Readability's result on the clone, cleaned, before the sanitizer. */
export interface ParsedArticle {
  /** The article element inside the clone (cleaned in place), or null when Readability found none. */
  element: Element | null;
  title: string;
  siteName: string | null;
  /** The article's JSON-LD node (byline, paywall, publisher, image). */
  node: JsonLdNode | null;
  /** The cleaner saw a paywall sentence in the article. */
  paywallHint: boolean;
  /** The byline the header shows (known before cleaning: a byline line leaves the body only when it is shown). */
  byline: string | null;
  /** The line printed above the headline ("Dachzeile"), shown above the title; null when none. */
  kicker: string | null;
  /** The summary printed under the headline, outside the article's block, shown under the title; null when none. */
  standfirst: string | null;
  clone: Document;
  readability: { byline?: string | null; dir?: string | null; lang?: string | null; excerpt?: string | null } | null;
}

/** What the reader shows of the article. */
export interface ArticleRead {
  title: string;
  kicker: string | null;
  standfirst: string | null;
  siteName: string | null;
  byline: string | null;
  /** Declared page language, else Readability's. */
  lang: string | null;
  dir: 'ltr' | 'rtl';
  excerpt: string | null;
  leadImage: string | null;
  content: string;
  /** The sanitized tree `content` was serialized from (inert: nothing loads until it is adopted), or null. */
  body: SanitizedFragment | null;
  textContent: string;
  wordCount: number;
  readingMinutes: number;
  /** Why the article is behind a paywall, or null. */
  paywall: string | null;
}

export type Lap = (stage: string) => void;

function pageDir(doc: Document, readabilityDir: string | null | undefined, lang: string | null): 'ltr' | 'rtl' {
  const declared = (doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? readabilityDir ?? '')
    .trim()
    .toLowerCase();
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
  return (
    pm.jsonLd.find((n) =>
      typesOf(n).some((t) => /Article|BlogPosting|LiveBlogPosting|Report|WebPage/.test(t) && t !== 'CollectionPage'),
    ) ?? null
  );
}

function siteNameOf(parsedSite: string | null | undefined, pm: PageMeta, node: JsonLdNode | null): string | null {
  return (
    parsedSite?.trim() ||
    pm.meta.get('og:site_name') ||
    textOf(node?.publisher) ||
    pm.meta.get('application-name') ||
    textOf(pm.jsonLd.find((n) => typesOf(n).includes('WebSite'))?.name) ||
    null
  );
}

function excerptOf(raw: string | null | undefined, text: string): string | null {
  const e = (raw ?? '').replace(/\s+/g, ' ').trim() || text.split('\n\n')[0] || '';
  if (!e) return null;
  return e.length > 320 ? `${e.slice(0, 317).replace(/\s+\S*$/, '')}…` : e;
}

/** What the conductor knows of the header before the article is cleaned (from the dateline stage). */
export interface HeaderHints {
  /** The dateline has a publication date. */
  dated: boolean;
  /** The dateline's published and modified times (ISO), to compare a date line's date with. */
  times?: Array<string | null>;
  place: string | null;
  agency: string | null;
  /** Reads a wire dateline at the article's start without lifting it (the dateline stage's reader). */
  peekWire?: (article: Element) => { place: string | null; agency: string | null } | null;
  /** Debugging: every removed block, with its rule (ExtractOptions.debug.removed). */
  removed?: Removal[];
}

/** Readability's parse of the clone: the article as an element of the clone (or null), with its metadata. */
export type ReadabilityParse = ReturnType<Readability<Element>['parse']>;

/**
 * Readability on the clone (cloneDocument of the page). A step of its own, apart from the cleaning
 * (parseArticle), so that the conductor can hand the event loop back between the two (issue #24).
 */
export function runReadability(page: PageRead, clone: Document): ReadabilityParse {
  // Readability starts over from the page itself, not from a serialized snapshot.
  return readabilityOn(clone, page.doc);
}

/**
 * Readability on `clone`. The article comes back as an element of the clone, not as a string: no
 * re-parsing, and the cleaning works on a copy the page never sees. disableJSONLD: the JSON-LD was
 * parsed once already (page/page-meta.ts); headline, author and publisher are taken from there.
 * `source`: Readability starts over from the page itself, not from a serialized snapshot (not when
 * the clone differs from the page).
 */
function readabilityOn(clone: Document, source?: Document): ReadabilityParse {
  return new ClassKeepingReadability<Element>(clone, {
    keepClasses: true,
    disableJSONLD: true,
    serializer: (el) => el as Element,
    source,
  }).parse();
}

/** The element at `live`'s place in `clone`, when it is the same element. */
function inClone(live: Element, clone: Document): Element | null {
  const el = counterpart(live, clone) as Element | null;
  return el?.localName === live.localName && el.className === live.className ? el : null;
}

/**
 * Readability again, on a fresh clone without the block that held its first, stray pick, or with
 * the two halves of a split article joined (stray-pick.ts); kept only when the new article holds
 * the story it skipped.
 */
function pickAgain(doc: Document, url: string, stray: StrayPick): { clone: Document; parsed: ReadabilityParse } | null {
  const clone = cloneDocument(doc, url);
  const block = inClone(stray.block, clone);
  const twin = stray.twin && inClone(stray.twin, clone);
  if (!block || (stray.twin && !twin)) return null;
  if (twin) {
    block.prepend(...Array.from(twin.childNodes));
    twin.remove();
  } else block.remove();
  const parsed = readabilityOn(clone);
  const text = parsed?.content?.textContent?.replace(/\s+/g, ' ') ?? '';
  return text.includes(stray.skipped) ? { clone, parsed } : null;
}

/** Readability's result (runReadability on `clone`), cleaned: title, byline, kicker and the article element. */
export function parseArticle(
  page: PageRead,
  clone: Document,
  parsed: ReadabilityParse,
  hints?: HeaderHints,
): ParsedArticle {
  const { doc, url } = page;
  const node = articleNode(page);
  const siteName = siteNameOf(parsed?.siteName, page, node);
  const rawTitle =
    headlineOf(node) || titleLine(parsed?.title) || titleLine(page.meta.get('og:title')) || titleLine(doc.title);
  const title = chooseTitle(doc, rawTitle, { siteName, url, article: parsed?.content ?? null });
  const headline = findHeadline(doc, title);
  const stray = headline && parsed?.content ? findStrayPick(doc, headline, parsed.content) : null;
  if (stray) {
    const again = pickAgain(doc, url, stray);
    if (again) {
      ({ clone, parsed } = again);
      if (!stray.twin) hints?.removed?.push({ kind: 'stray-pick', text: stray.block.textContent ?? '' });
    }
  }
  const element = parsed?.content ?? null;
  const wireAhead = element ? (hints?.peekWire?.(element) ?? null) : null;
  const place = hints?.place ?? wireAhead?.place ?? null;
  const byline = findByline(page, node, parsed?.byline ?? null, { doc, title, url, place });
  let paywallHint = false;
  if (element) {
    // A byline or date line leaves the body only when the header shows what it says.
    const shown = hints && {
      byline,
      dated: hints.dated,
      times: hints.times,
      agency: hints.agency ?? wireAhead?.agency ?? null,
      place: hints.place ?? wireAhead?.place ?? null,
      siteName,
    };
    paywallHint = cleanArticle(element, { base: url, title, shown, removed: hints?.removed }).paywallHint;
    removeSiteChrome(element, hints?.removed);
    removeSideColumn(element, hints?.removed);
    removeChromeLines(element, hints?.removed);
    dropStoryLinks(element, url, hints?.removed);
    dropRepeatedPictures(element, hints?.removed);
    dropRepeatedText(element, hints?.removed);
    dropAuthorBox(element, byline, hints?.removed);
    removeRelatedTail(element, hints?.removed);
    dropTrailingHeadings(element, hints?.removed);
  }
  const kicker = findKicker(headline);
  if (kicker && element) removeKickerLine(element, kicker, title);
  const standfirst = element ? findStandfirst(headline, title, element) : null;
  if (element && headline) addLeadFigure(element, headline, url);
  return { element, title, siteName, node, paywallHint, byline, kicker, standfirst, clone, readability: parsed };
}

export function finishArticle(page: PageRead, a: ParsedArticle, lap: Lap): ArticleRead {
  const { doc, url } = page;
  let content = '';
  let textContent = '';
  let firstImage: string | null = null;
  let body: SanitizedFragment | null = null;
  if (a.element) {
    // Sanitized once; the text is read from the sanitized tree, so it is exactly what is shown.
    const fragment = sanitizeToInertFragment(a.element.innerHTML, doc);
    textContent = runningText(fragment as unknown as Element);
    const holder = (fragment.ownerDocument ?? a.clone).createElement('div');
    holder.append(fragment);
    content = textContent || holder.getElementsByTagName('img').length ? holder.innerHTML : '';
    firstImage = firstImageSrc(holder);
    // The tree back in its fragment: the overlay adopts it instead of sanitizing `content` again.
    if (content) {
      fragment.append(...Array.from(holder.childNodes));
      body = fragment;
    }
    lap('sanitize');
  }
  const counts = countText(textContent);
  const r = a.readability;
  const lang = page.lang ?? (r?.lang?.trim() || null);
  const meta = page.meta;
  const read: ArticleRead = {
    title: a.title,
    kicker: a.kicker,
    standfirst: a.standfirst,
    siteName: a.siteName,
    byline: a.byline,
    lang,
    dir: pageDir(doc, r?.dir, page.lang ?? r?.lang ?? null),
    excerpt: excerptOf(r?.excerpt ?? meta.get('description'), textContent),
    leadImage:
      httpUrl(
        meta.get('og:image') ??
          meta.get('og:image:url') ??
          meta.get('twitter:image') ??
          meta.get('twitter:image:src') ??
          jsonLdImage(a.node ? [a.node, ...page.jsonLd] : page.jsonLd),
        url,
      ) ?? httpUrl(firstImage, url),
    content,
    body,
    textContent,
    wordCount: wordCount(counts),
    readingMinutes: readingMinutes(counts, page.lang ?? r?.lang ?? null),
    paywall: findPaywall(doc, page, a.node, textContent, a.paywallHint),
  };
  lap('article');
  return read;
}
