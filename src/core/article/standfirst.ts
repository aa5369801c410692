/**
 * The standfirst (dek, deck, summary, "In Brief") a page prints between its headline and the story
 * (issue #20): Readability's pick is the block of paragraphs below, so the line that sums the story
 * up was lost — an h2 or p after the h1, a "dek"/"standfirst"/"summary"-classed block, often in the
 * page's header, apart from the body. The reader shows it under the title, in the article's header
 * (a summary, not the article's running text).
 *
 * Read from the live document (never changed): the text-bearing blocks after the headline, up to
 * where the picked article's own text begins. A block is the standfirst when its class (or its
 * parent's, or its itemprop) names one, or when it is the first line after the headline and a
 * sentence's length; never a byline, a date line, a caption, a credit, share or related links, or
 * text the article already holds.
 */
import { linkTextLength } from '../page/text-length.js';
import { pastSubtree } from '../page/walk.js';
import { BYLINE_PREFIX } from '../text/lexicon/bylines.js';
import { MONTHS } from '../text/lexicon/months.js';
import { NEWSLETTER } from '../text/lexicon/newsletter.js';
import { collapse, hasNonSpace } from '../text/whitespace.js';
import { squash } from '../text/text-key.js';

/** Text-bearing blocks looked at after the headline before giving up. */
const MAX_BLOCKS = 12;
const MIN_CHARS = 25;
const MAX_CHARS = 500;
const MIN_WORDS = 5;
/** Running text: the story (or something else) has begun, no standfirst comes after this. */
const RUNNING_TEXT = 400;
const DEK_WORDS = 'dek|deck|standfirst|sub-?title|sub-?head(?:line|er)?|summary|synopsis|strap(?:line)?|intro|lede';
const DEK_CLASS = new RegExp(`(?:^|[\\s_-])(?:${DEK_WORDS}|abstract|excerpt)(?:$|[\\s_-])`, 'i');
const FURNITURE_WORDS = 'tags?|nav|menu|meta|date|time|ad|ads|photo|image|img|gallery|video|media|player|hidden';
const NOT_DEK = new RegExp(
  `caption|credit|byline|author|share|social|related|promo|newsletter|sign-?up|comment|breadcrumb|` +
    `(?:^|[\\s_-])(?:${FURNITURE_WORDS})(?:$|[\\s_-])`,
  'i',
);
const SKIP = /^(?:script|style|noscript|template|svg|button|nav|figure|figcaption|form|select|table|ul|ol|time|a)$/;
/** What a block of a standfirst's text holds no more of (a script's text is no one's line). */
const BLOCK =
  'p, div, h1, h2, h3, h4, h5, h6, ul, ol, li, table, section, article, aside, figure, blockquote, header, ' +
  'script, style, noscript, template, iframe';
const DATE_LINE = /^(?:updated|published|posted|last updated|modified)\b|\b\d{1,2}:\d{2}\b/i;
/** A standfirst sits with the headline: their nearest common ancestor is at most this many levels above it. */
const MAX_APART = 5;

function classOf(el: Element | null): string {
  return el ? `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}` : '';
}

/** Does the text of `el` sit in links for the most part (a list of related stories, a tag line)? */
function linkHeavy(el: Element, chars: number): boolean {
  const linked = linkTextLength(el);
  return linked * 2 > chars;
}

/** BLOCK but the small headings a label may be: one of these inside a block makes it no text block. */
const BIG_BLOCK = new Set(BLOCK.split(', ').filter((t) => !/^h[4-6]$/.test(t)));
const LABEL = new Set(['h4', 'h5', 'h6']);

/**
 * Is `el` a block holding text of its own (no block inside it but short labels like "In Brief")?
 * One walk of its elements with a tag test each, stopping at the first big block: a page's wrappers
 * are turned down without listing their whole subtree (querySelector of the tag list did not stop
 * early in jsdom, which matches each selector of a list over the whole subtree).
 */
function textBlock(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const tag = (n as Element).localName;
    if (BIG_BLOCK.has(tag)) return false;
    if (LABEL.has(tag) && collapse(n.textContent ?? '').length > 20) return false;
  }
  return true;
}

/** Does `el` hold any text but white space? Stops at the first such text node (a wrapper holds the whole page's). */
function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(
    el,
    4 | 8 /* SHOW_TEXT | SHOW_CDATA_SECTION: what textContent reads */,
  );
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (hasNonSpace(t.nodeValue ?? '')) return true;
  return false;
}

/** Inside a caption, a credit, share or related links: not the story's summary. */
function furniture(el: Element, stop: Element): boolean {
  for (let e: Element | null = el, i = 0; e && e !== stop && i < 4; e = e.parentElement, i++) {
    if (SKIP.test(e.localName) || NOT_DEK.test(classOf(e))) return true;
  }
  return false;
}

/** "Rishi Alwani, 07 April 2017": a short line with a month's name and a year is a date line. */
function dated(text: string): boolean {
  if (text.length > 80 || !/\b\d{4}\b/.test(text)) return false;
  return text.split(/[\s,.]+/).some((w) => MONTHS.has(w.toLowerCase()));
}

/** Is `el` within MAX_APART levels of `head`'s ancestors (the headline's header, not the page's sidebar)? */
function nearHeadline(el: Element, head: Element): boolean {
  let up: Element = head;
  for (let i = 0; i < MAX_APART && up.parentElement; i++) up = up.parentElement;
  return up.contains(el);
}

function dekClassed(el: Element): boolean {
  const prop = el.getAttribute('itemprop') ?? '';
  if (/description|alternativeHeadline/i.test(prop)) return true;
  return DEK_CLASS.test(classOf(el)) || DEK_CLASS.test(classOf(el.parentElement));
}

/**
 * The standfirst printed after the headline `head` (in the live page) that `article` (Readability's
 * pick, cleaned) does not hold, or null.
 */
export function findStandfirst(head: Element | null, title: string, article: Element): string | null {
  const doc = head?.ownerDocument;
  const body = doc?.body;
  if (!doc || !head || !body || !body.contains(head)) return null;
  // The article's text, squashed: read only when a candidate needs it (most pages stop before).
  let heldText: string | null = null;
  const held = (): string => (heldText ??= squash(article.textContent ?? ''));
  const titleKey = squash(title);
  const out: string[] = [];
  const walker = doc.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  const past = (node: Node): Node | null => pastSubtree(walker, node);
  let blocks = 0;
  let el = past(head);
  while (el && blocks < MAX_BLOCKS) {
    const e = el as Element;
    walker.currentNode = e;
    if (SKIP.test(e.localName)) {
      el = past(e);
      continue;
    }
    // A wrapper: into it when it holds text, past it when not (its text is not read as a whole).
    if (!textBlock(e)) {
      el = hasText(e) ? walker.nextNode() : past(e);
      continue;
    }
    const text = collapse(e.textContent ?? '');
    if (!text) {
      el = past(e);
      continue;
    }
    el = past(e);
    blocks++;
    const key = squash(text);
    // The story (or some other running text) has begun: a standfirst comes before it.
    if (text.length >= RUNNING_TEXT || (key.length >= 60 && held().includes(key))) break;
    const first = blocks === 1 && /^(?:h2|h3|p|div)$/.test(e.localName);
    if (!first && !dekClassed(e)) continue;
    if (text.length < MIN_CHARS || text.length > MAX_CHARS || text.split(' ').length < MIN_WORDS) continue;
    if (furniture(e, head.parentElement ?? body) || linkHeavy(e, text.length)) continue;
    if (BYLINE_PREFIX.test(text) || DATE_LINE.test(text) || dated(text) || NEWSLETTER.test(text)) continue;
    if (!nearHeadline(e, head)) continue;
    // (A block opening with the whole title is the headline's own; one that restates it further on is not.)
    if (held().includes(key) || titleKey.includes(key) || key.startsWith(titleKey)) continue;
    out.push(text);
  }
  return out.length ? out.join(' ') : null;
}
