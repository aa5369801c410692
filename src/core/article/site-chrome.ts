/**
 * The site's own boxes Readability keeps with the story (issue #20, older news pages), removed in
 * place after the cleaning walk (clean.ts), on the same element:
 * - menus: the sections bar ("Home Football Cricket Rugby Union News …", one link a row of a layout
 *   table), a city list, a column of other headlines run together in one paragraph. Blocks of links
 *   and nothing else: each link a few words, the links the whole of the block's text. The story's
 *   own text holds words between its links, so it is never one.
 * - boxes under a furniture heading ("Sponsored Links", "Also In The News", "Latest News"): a block
 *   that opens with such a heading and holds links (ads, other stories' teasers) is the site's.
 * - lines of the site speaking about itself: a JavaScript/Flash notice, a "You must Login or Register
 *   to post" prompt, a "Permalink" line, the story's tool bar ("Text Size", "STORY TOOLS").
 */
import { collapse, collapsedLength } from '../text/whitespace.js';
import { SCRIPT_NOTICE, SITE_BOX_HEADING, SITE_LINE, TOOL_NAMES, TOOL_WORDS } from '../text/lexicon/page-furniture.js';
import type { Removal } from '../types.js';
import { HEADING_TAGS } from '../page/walk.js';

/** Blocks that can hold a menu (tables included: the cleaning walk never judges tables). */
const MENU_BLOCKS = new Set([
  'div',
  'p',
  'ul',
  'ol',
  'table',
  'tbody',
  'tr',
  'td',
  'span',
  'section',
  'aside',
  'center',
  'font',
  'dl',
  'nav',
]);
/** One item of a menu written without a list: a row, a cell, a list item, a line of its own. */
const ITEM_BLOCKS = new Set(['li', 'tr', 'td', 'p', 'div', 'span', 'dd', 'dt']);

/** Longer than any menu (a long block of links is a list the story makes). */
const MAX_MENU = 1500;
/** A menu item is a name of a few words ("Rugby Union", "Thiruvananthapuram"): the mean link at most this long. */
const MAX_MEAN_LINK = 40;
/** A run of single links of at most this length, four or more in a row, is a menu written item by item. */
const MAX_ITEM = 30;

interface Links {
  count: number;
  chars: number;
}

function linksOf(el: Element): Links {
  const anchors = el.querySelectorAll('a');
  let count = 0;
  let chars = 0;
  for (let i = 0; i < anchors.length; i++) {
    const n = collapsedLength(anchors[i]!.textContent ?? '');
    if (n > 0) {
      count++;
      chars += n;
    }
  }
  return { count, chars };
}

/** A block made of four links or more and nothing else, each link a few words (`text`: its collapsed length). */
function isMenu(el: Element, text: number, total: number): boolean {
  if (!MENU_BLOCKS.has(el.localName)) return false;
  if (text === 0 || text > MAX_MENU || text > 0.5 * total) return false;
  const { count, chars } = linksOf(el);
  return count >= 4 && chars >= 0.85 * text && chars / count <= MAX_MEAN_LINK;
}

/** One short item that is all link ("National", "Tennis"); `length`: its text's collapsed length, when known. */
function isMenuItem(el: Element, length?: number): boolean {
  if (!ITEM_BLOCKS.has(el.localName)) return false;
  const text = length ?? collapsedLength(el.textContent ?? '');
  if (text === 0 || text > MAX_ITEM) return false;
  return linksOf(el).chars >= 0.9 * text;
}

/** A menu's label: one short line, no sentence, no link ("Sections", "Sports Headlines", "Weather"). */
function isLabel(el: Element | null): el is Element {
  if (!el || el.getElementsByTagName('img').length > 0 || el.getElementsByTagName('a').length > 0) return false;
  const t = collapse(el.textContent ?? '');
  return t.length > 0 && t.length <= 30 && !/[.!?:]["”»’']?$/.test(t);
}

/** Blocks that make a line of their own; a line holds none of them. */
const LINE_BREAKERS = 'p, div, ul, ol, li, table, h1, h2, h3, h4, h5, h6, blockquote, section, article, figure, dl';
/** The longest line a notice, prompt or tool bar takes. */
const MAX_LINE = 400;
/** A line of the site's notices or tools, by its kind ('notice', 'tools'), or null (`raw`: its textContent). */
function siteLine(el: Element, raw: string): string | null {
  if (!ITEM_BLOCKS.has(el.localName) && !HEADING_TAGS.has(el.localName)) return null;
  if (raw.length > 4 * MAX_LINE) return null;
  const text = collapse(raw);
  if (!text || text.length > MAX_LINE || el.querySelector(LINE_BREAKERS)) return null;
  if (SCRIPT_NOTICE.test(text) || SITE_LINE.test(text)) return 'notice';
  if (text.length > 80 || !TOOL_NAMES.test(text)) return null;
  const words = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return words.length >= 2 && words.every((w) => TOOL_WORDS.has(w)) ? 'tools' : null;
}

const BOX_TAGS = new Set(['div', 'td', 'section', 'aside', 'li']);
/** The tags a rule below reads the text of (menus, items, lines); other elements' text is never read. */
const TEXT_RULE_TAGS = new Set([...MENU_BLOCKS, ...ITEM_BLOCKS, ...HEADING_TAGS]);
/** A box longer than this is more than a box: the heading is the story's subhead. */
const MAX_BOX = 1500;

/** The box a furniture heading opens: its parent, when the heading comes first and the box holds a link. */
function headedBox(heading: Element, total: number): Element | null {
  if (!HEADING_TAGS.has(heading.localName) || heading.previousElementSibling) return null;
  if (!SITE_BOX_HEADING.test(collapse(heading.textContent ?? '').replace(/:$/, ''))) return null;
  const box = heading.parentElement;
  if (!box || !BOX_TAGS.has(box.localName) || box.getElementsByTagName('a').length === 0) return null;
  const text = collapsedLength(box.textContent ?? '');
  return text <= MAX_BOX && text <= 0.5 * total ? box : null;
}

/** Removes site menus and boxes from the article element in place; each removed block is recorded in `removed`. */
export function removeSiteChrome(root: Element, removed?: Removal[]): void {
  const total = collapsedLength(root.textContent ?? '');
  if (total === 0) return;
  const drop = (el: Element, kind = 'menu'): void => {
    removed?.push({ kind, text: collapse(el.textContent ?? '') });
    el.remove();
  };
  const dropWithLabel = (first: Element, els: Element[]): void => {
    const label = first.previousElementSibling;
    if (isLabel(label)) drop(label);
    for (const el of els) drop(el);
  };
  // Top down over a static list: a removed block's descendants are skipped (no longer in the root).
  const all = Array.from(root.querySelectorAll('*'));
  for (const el of all) {
    if (!root.contains(el)) continue;
    const box = headedBox(el, total);
    if (box && box !== root) {
      drop(box, 'headed-box');
      continue;
    }
    if (!TEXT_RULE_TAGS.has(el.localName)) continue;
    // The element's text, read once for the three rules below (none of them removes anything before the next).
    const raw = el.textContent ?? '';
    const line = siteLine(el, raw);
    if (line) {
      drop(el, line);
      continue;
    }
    const length = collapsedLength(raw);
    if (isMenu(el, length, total)) {
      dropWithLabel(el, [el]);
      continue;
    }
    // A run of four short single-link items or more, starting here.
    if (!isMenuItem(el, length) || (el.previousElementSibling && isMenuItem(el.previousElementSibling))) continue;
    const run = [el];
    for (let s = el.nextElementSibling; s && isMenuItem(s); s = s.nextElementSibling) run.push(s);
    if (run.length >= 4) dropWithLabel(el, run);
  }
}
