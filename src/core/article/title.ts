/**
 * The title the reader shows: the headline the page prints, not the document title's site and
 * section pieces (issue #20). The document title (or JSON-LD/og headline) is the candidate; it
 * gives way to
 * - the printed heading that is one run of its pieces ("FOXNews.com - Headline - Politics | Party",
 *   "BBC NEWS | Asia-Pacific | Headline", "Headline -- Page 1 -- Times Union - Albany NY"), or that
 *   opens with its first piece and runs on;
 * - the site's own name cut off either end ("Headline｜Site", "Site: Headline");
 * - when the title is printed nowhere and is only a site's or section's name ("SPORTS PLUS",
 *   "BBC NEWS | South Asia", "Rugby news, results, reports, fixtures", empty): the rest of the document
 *   title when it runs on past that name ("Site News and Weather - Headline"), else the heading printed
 *   right before the article's first text or opening it, else (table-era pages) the line printed in bold
 *   right before that text;
 * - when any other title is printed nowhere (a headline written for search engines or social cards),
 *   the h1 printed right before the article's first text.
 * Printed headings: h1–h4 and headline/title-classed elements holding one line of text.
 */
import { SITE_TITLE_WORD } from '../text/lexicon/headings.js';
import { BYLINE_PREFIX } from '../text/lexicon/bylines.js';
import { MONTHS } from '../text/lexicon/months.js';
import { squash } from '../text/text-key.js';
import { siteLabel } from '../page/site.js';
import { holdsTag, isBlank, openingWords } from '../page/walk.js';
import { collapse } from '../text/whitespace.js';

/** Longer than any headline: a title this long is something else (a page's script caught in a broken attribute). */
const MAX_TITLE = 300;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** The few HTML entities CMSs leave in JSON-LD and meta titles, decoded; unknown ones kept as written. */
function decodeEntities(s: string): string {
  const decode = (m: string, e: string): string => {
    const code = /^#\d+$/.test(e) ? Number(e.slice(1)) : /^#x[\da-f]+$/i.test(e) ? parseInt(e.slice(2), 16) : NaN;
    return ENTITIES[e.toLowerCase()] ?? (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m);
  };
  return s.replace(/&(#?\w+);/g, decode);
}

/** A title candidate with entities decoded and white space collapsed; '' when too long to be a headline. */
export function titleLine(raw: string | null | undefined): string {
  const t = decodeEntities(raw ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length <= MAX_TITLE ? t : '';
}

/** The JSON-LD headline, with the few HTML entities CMSs leave in JSON decoded. */
export function headlineOf(node: { headline?: unknown } | null): string | null {
  const h = typeof node?.headline === 'string' ? node.headline : null;
  if (!h) return null;
  const clean = titleLine(h);
  return clean.length >= 3 ? clean : null;
}

/** A day and month by a year, in either order: "January 14, 2008", "14 January 2008", "14. Januar 2008". */
const DAY_MONTH_YEAR = /(\p{L}+)\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b|\b\d{1,2}\.?\s+(\p{L}+)\.?,?\s+(?:19|20)\d\d\b/u;
function printsDate(text: string): boolean {
  const m = DAY_MONTH_YEAR.exec(text);
  return !!m && MONTHS.has((m[1] ?? m[2]!).toLowerCase());
}
/** A title piece that is only a date ("Headline | January 15, 2008"), a weekday at most besides. */
const onlyDate = (piece: string): boolean =>
  printsDate(piece) &&
  piece
    .replace(DAY_MONTH_YEAR, '')
    .replace(/[\s,.]+/g, ' ')
    .trim()
    .split(' ').length <= 1;
/** A byline or date line (printed in a headline-classed element, or in bold): no headline. */
const isMetaLine = (text: string): boolean => BYLINE_PREFIX.test(text) || printsDate(text);

/** A separator between a headline and the site's name: a bar or dash with spaces, or a full-width bar. */
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•»:/>]|--)\s+|\s*[｜|]\s*|:\s+/;
/** What may follow the domain's label in a site's name: "BBC News", "Example.com". */
const SITE_SUFFIX = /^(?:news|online|com|net|org|de|uk|fr|tv|ch|at|it|es|nl|au|ca)$/;
/** A run of title pieces shorter than this (squashed) is no headline of its own ("Politics"). */
const MIN_RUN = 12;

/**
 * "Headline｜Site" → "Headline", "Headline | January 15, 2008" → "Headline". Readability splits on
 * ASCII separators only; full-width and other separators followed by the site's own name, and a date
 * as the last piece, are removed here.
 */
function withoutSiteName(title: string, names: string[]): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  // The site's name after the last separator ("… – Site Name") or before the first ("Site: …").
  const last = parts[parts.length - 1]!;
  if (isSiteName(last, names) || onlyDate(last)) {
    const rest = title
      .slice(0, title.length - last.length)
      .replace(/[\s|｜\-–—:·•»/\\>]+$/, '')
      .trim();
    if (rest.length >= 10) return rest;
  }
  const first = parts[0]!;
  if (isSiteName(first, names)) {
    const rest = title
      .slice(first.length)
      .replace(/^[\s|｜\-–—:·•»/\\>]+/, '')
      .trim();
    if (rest.length >= 10) return rest;
  }
  return title;
}

/** The site's name and its domain's own label ("www.dailynews.co.uk" → "dailynews"), squashed. */
function siteKeys(siteName: string | null, url: string): string[] {
  const keys = siteName ? [squash(siteName)] : [];
  const label = siteLabel(url);
  if (label) keys.push(squash(label.name), squash(label.domain));
  return keys.filter((k) => k.length >= 2);
}

/** "Site Name", "SITENAME.com", "Site Name News" when the site is sitename: names the site, not a headline. */
function isSiteName(piece: string, keys: string[]): boolean {
  const p = squash(piece);
  if (!p || piece.trim().split(/\s+/).length > 5) return false;
  return keys.some((k) => p === k || (p.startsWith(k) && SITE_SUFFIX.test(p.slice(k.length))));
}

interface Printed {
  el: Element;
  text: string;
  key: string;
}

/** Where a page prints headings: h1–h4 and elements whose class or id says headline or title. */
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4']);
const HEADLINE_CLASS = /headline|title/i;
const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT: the core names no browser global

function printedHeading(el: Element): boolean {
  if (HEADING_TAGS.has(el.localName)) return true;
  const cls = el.getAttribute('class');
  if (cls !== null && HEADLINE_CLASS.test(cls)) return true;
  const id = el.getAttribute('id');
  return id !== null && HEADLINE_CLASS.test(id);
}

/**
 * Where a page prints its headline: a heading element, an element whose class or id says headline or
 * title, or a line that is all one bold run (table-era pages; Readability turns their classed divs to
 * plain paragraphs).
 */
export function headingLike(el: Element): boolean {
  if (/^h[1-6]$/.test(el.localName) || HEADLINE_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return true;
  const only = el.children.length === 1 ? el.firstElementChild! : null;
  return !!only && /^(?:b|strong)$/.test(only.localName) && only.textContent?.trim() === el.textContent?.trim();
}

/** Inside these a heading is a link to another story, the page's navigation or its footer. */
const ELSEWHERE = 'a, nav, li, aside, footer, option, select, script';
/** A heading holds none of these: it is one line of text. */
const BLOCKS_INSIDE = new Set(['p', 'div', 'li', 'table', 'h1', 'h2', 'h3', 'h4']);

/**
 * The page's printed headings, in document order: one line of text (no block inside), 8–250 characters.
 * One walk of the page's elements with a tag and attribute test each, not querySelectorAll of a selector
 * list with case-insensitive substring matches: in jsdom that query cost 19 ms on the median corpus page,
 * half of the cleaning step, and its results came grouped by selector instead of in document order.
 */
function printedHeadings(doc: Document): Printed[] {
  const out: Printed[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (!printedHeading(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 8 || text.length > 250 || el.closest(ELSEWHERE)) continue;
    if (holdsTag(el, BLOCKS_INSIDE)) continue;
    out.push({ el, text, key: squash(text) });
  }
  return out;
}

/**
 * The printed heading that is the title's headline: the one whose text is a run of the title's
 * pieces (the longest run wins), or that opens with the title's first piece and runs on.
 */
function headlineAmongPieces(title: string, heads: Printed[]): string | null {
  const pieces = title.split(TITLE_SEPARATOR).map(squash);
  if (pieces.length < 2) return null;
  const whole = squash(title);
  const byKey = new Map<string, string>();
  for (const h of heads) if (!byKey.has(h.key)) byKey.set(h.key, h.text);
  let best: string | null = null;
  let bestLength = 0;
  for (let i = 0; i < pieces.length; i++) {
    let run = '';
    for (let j = i; j < pieces.length; j++) {
      run += pieces[j];
      if (run.length < MIN_RUN || run.length <= bestLength || run === whole) continue;
      const hit = byKey.get(run);
      if (hit) [best, bestLength] = [hit, run.length];
    }
  }
  if (best) return best;
  const first = pieces[0]!;
  if (first.length < MIN_RUN) return null;
  return heads.find((h) => h.key.startsWith(first) && h.key !== whole)?.text ?? null;
}

/**
 * Only a site's or section's name: empty, a piece naming the site, a site word, three words at most,
 * or a list of topics with a site word ("Rugby Union news, results, reports, 6 Nations, British Lions").
 */
function namesASite(title: string, keys: string[]): boolean {
  if (!squash(title)) return true;
  if (title.split(TITLE_SEPARATOR).some((p) => isSiteName(p, keys))) return true;
  const words = title.split(/\s+/).length;
  if (words <= 3) return true;
  return SITE_TITLE_WORD.test(title) && (words <= 8 || title.split(',').length >= 4);
}

const SHOW_TEXT = 4;
/** Text that is not printed: the article's start and a bold headline are looked for among the text a reader sees. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'title']);
/** The article's opening text must be this long to be found again in the page. */
const KEY_LENGTH = 40;

/** The page's text node holding the article's first run of text (`article` is Readability's copy). */
function articleStart(doc: Document, article: Element): Node | null {
  const key = openingWords(article, KEY_LENGTH);
  if (!key || !doc.body) return null;
  const pageWalker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let t = pageWalker.nextNode(); t; t = pageWalker.nextNode()) {
    const data = t.nodeValue ?? '';
    // A script's text is no article's start (a page's print function holds the story's opening).
    if (SKIPPED.has(t.parentElement?.localName ?? '')) continue;
    if (data.length >= KEY_LENGTH && data.replace(/\s+/g, ' ').includes(key)) return t;
  }
  return null;
}

const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** A heading that is one link to another page: the site's logo ("The Columbus Dispatch"), a section's name. */
function linksAway(h: Printed, url: string): boolean {
  const a = h.el.querySelector('a[href]');
  if (!a || squash(a.textContent ?? '') !== h.key) return false;
  try {
    const to = new URL(a.getAttribute('href')!, url);
    const here = new URL(url);
    return to.origin + to.pathname !== here.origin + here.pathname;
  } catch {
    return true;
  }
}

/**
 * The last printed heading before the article's first text, or the one holding it (Readability took
 * the headline in as the article's first line), of three words or more (an h1 of two when the page
 * has no title at all: "Battery power") and not the site's name; `h1Only`: only an h1 counts.
 */
function headingBefore(
  start: Node,
  heads: Printed[],
  { keys, url }: { keys: string[]; url: string },
  h1Only: boolean,
  untitled = false,
): string | null {
  // Nearest the start wins; the list is not taken to be in document order (jsdom's querySelectorAll
  // returns a selector list's matches grouped by selector).
  let found: Printed | null = null;
  for (const h of heads) {
    const holds = h.el.contains(start);
    if (!holds && !(start.compareDocumentPosition(h.el) & PRECEDING)) continue;
    if ((h1Only && h.el.localName !== 'h1') || linksAway(h, url)) continue;
    const least = untitled && h.el.localName === 'h1' ? 2 : 3;
    if (h.text.split(/\s+/).length < least || isSiteName(h.text, keys) || isMetaLine(h.text)) continue;
    if (holds) return h.text;
    if (!found || found.el.compareDocumentPosition(h.el) & FOLLOWING) found = h;
  }
  return found?.text ?? null;
}

/**
 * The rest of the document title when it runs on past the site's name the title was cut to
 * (Readability keeps the part before the last separator: "Connecticut News and Weather - Police
 * cruiser stolen" gave "Connecticut News and Weather"): its last piece, of three words or more.
 */
function restOfDocTitle(doc: Document, title: string, keys: string[]): string | null {
  const whole = titleLine(doc.title);
  const key = squash(title);
  if (!key || squash(whole) === key || !squash(whole).startsWith(key)) return null;
  const last = whole.split(TITLE_SEPARATOR).pop()!.trim();
  return last.split(/\s+/).length >= 3 && !isSiteName(last, keys) && !squash(last).startsWith(key) ? last : null;
}

/** Text nodes read back from the article's first text for a bold headline line (a date or byline may sit between). */
const BOLD_LOOK_BACK = 4;
const BOLD = 'b, strong';
/** A bold run holding one of these is more than one line (an unclosed <b> runs on over the date line). */
const LINE_BREAKING = 'br, p, div, table, ul, ol, li, h1, h2, h3, h4, h5, h6';
/** Link text read back past at most (a box of other stories' headlines between the headline and the text). */
const LINK_LOOK_BACK = 60;
/** Inline wrappers a bold headline may sit in alone (`<font class="storyhead"><b>…</b></font>`). */
const INLINE_WRAPPERS = new Set(['b', 'strong', 'font', 'span', 'em', 'i', 'u', 'big']);

/** Is `node` a sibling that ends a line: none, a <br>, or a block? (White space between is skipped by the caller.) */
function endsLine(node: Node | null): boolean {
  if (!node) return true;
  if (node.nodeType !== 1) return false;
  return !INLINE_WRAPPERS.has((node as Element).localName) && (node as Element).localName !== 'a';
}

function siblingPast(node: Node, forward: boolean): Node | null {
  let n = forward ? node.nextSibling : node.previousSibling;
  while (n && isBlank(n)) n = forward ? n.nextSibling : n.previousSibling;
  return n;
}

/** A bold run alone on its line (only inline wrappers around it, a line break or a block either side). */
function boldLine(text: Node): string | null {
  let el: Element | null = text.parentElement?.closest(BOLD) ?? null;
  if (!el || el.closest(ELSEWHERE) || el.querySelector(LINE_BREAKING)) return null;
  const line = collapse(el.textContent ?? '');
  while (
    el.parentElement &&
    INLINE_WRAPPERS.has(el.parentElement.localName) &&
    !siblingPast(el, false) &&
    !siblingPast(el, true)
  )
    el = el.parentElement;
  if (!endsLine(siblingPast(el, false)) || !endsLine(siblingPast(el, true))) return null;
  return line;
}

/**
 * The line printed in bold right before the article's first text, or as that text (table-era pages
 * print their headline so): three to twenty words, no closing full stop, no byline, not the site's name.
 */
function boldLineBefore(doc: Document, start: Node, keys: string[]): string | null {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, SHOW_TEXT);
  walker.currentNode = start;
  let read = 0;
  let links = 0;
  // The story's first text itself first: Readability may have taken the bold headline in.
  for (let t: Node | null = start; t && read < BOLD_LOOK_BACK; t = walker.previousNode()) {
    if (!/\S/.test(t.nodeValue ?? '') || SKIPPED.has(t.parentElement?.localName ?? '')) continue;
    if (t.parentElement?.closest('a')) {
      if (++links > LINK_LOOK_BACK) break;
      continue;
    }
    read++;
    const line = boldLine(t);
    if (!line) continue;
    const words = line.split(' ').length;
    if (words < 3 || words > 20 || /\.$/.test(line) || isMetaLine(line) || isSiteName(line, keys)) continue;
    return line;
  }
  return null;
}

export interface TitleContext {
  siteName: string | null;
  url: string;
  /** Readability's article (in its clone), to find the heading printed above it. */
  article: Element | null;
}

/** The headline the reader shows, from the candidate title (document/og/JSON-LD) and the page's printed headings. */
export function chooseTitle(doc: Document, raw: string, ctx: TitleContext): string {
  const heads = printedHeadings(doc);
  const keys = siteKeys(ctx.siteName, ctx.url);
  const whole = squash(raw);
  if (whole && heads.some((h) => h.key === whole)) return raw;
  const title = headlineAmongPieces(raw, heads) ?? withoutSiteName(raw, keys);
  const key = squash(title);
  const site = namesASite(title, keys);
  // A site's or section's name counts as printed only as a heading of its own ("News | Africa" is in
  // the side column's "World News Africa" too).
  if (key && heads.some((h) => h.key === key || (!site && h.key.includes(key)))) return title;
  // Printed nowhere: a site's or section's name gives way to the rest of the document title or to the
  // headline printed above the article; a headline written for search engines or social cards (JSON-LD,
  // og:title) to the h1 above it.
  const rest = site ? restOfDocTitle(doc, title, keys) : null;
  if (rest) return rest;
  const start = ctx.article ? articleStart(doc, ctx.article) : null;
  if (!start) return title;
  const ref = { keys, url: ctx.url };
  return headingBefore(start, heads, ref, !site, !key) ?? (site ? boldLineBefore(doc, start, keys) : null) ?? title;
}
