/**
 * The page's own chrome that rides inside the article's markup, removed before the cleaning walk
 * (clean.ts) while the page's class names are still on the elements:
 * - blocks hidden on screen and printed only (Bootstrap's `d-none d-print-block`, `print-only`),
 * - cookie-consent bars and "This slideshow requires JavaScript" notices,
 * - hover cards inside a sentence (a person's name link followed by a card of their picture and
 *   other stories' links, shown on hover),
 * - date lines made of `<time datetime>` elements the header already shows (printed in the site's
 *   local time, so their hours differ from the dateline's UTC ones),
 * - the publisher's description of itself at the end ("Ascom is a global solutions provider…",
 *   a press release's "About" paragraph), with its "About <Name>" heading,
 * - the author box at the end ("<h5>Regan</h5><p>Regan is a … native who loves …</p>").
 * Each rule is a shape of markup (classes, links, position, the site's own name), never a site.
 */
import { linkTextLength } from '../page/text-length.js';
import type { CleanContext } from './clean.js';
import { collapse, collapsedLength } from '../text/whitespace.js';
import { CONSENT_NAME, COOKIE_NOTICE, SCRIPT_NOTICE } from '../text/lexicon/page-furniture.js';
import { squash } from '../text/text-key.js';
import { siteLabel } from '../page/site.js';

/** Classes of a block shown only in print: Bootstrap's d-none (without a screen breakpoint) and print-only names. */
const PRINT_ONLY = /^(?:print-only|printonly|visible-print(?:-block)?|show-for-print|only-print)$/i;
const SCREEN_BREAKPOINT = /^d-(?:sm|md|lg|xl|xxl)-(?!none$)/;

function classList(el: Element): string[] {
  const c = el.getAttribute('class');
  return c ? c.trim().split(/\s+/) : [];
}

function hiddenOnScreen(el: Element): boolean {
  const classes = classList(el);
  if (classes.length === 0) return false;
  if (classes.some((c) => PRINT_ONLY.test(c))) return true;
  return classes.includes('d-none') && !classes.some((c) => SCREEN_BREAKPOINT.test(c));
}

function noticeKind(el: Element, text: string): string | null {
  if (!text || text.length > 2000) return null;
  const named = CONSENT_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`);
  if (named && /\bcookies?\b/i.test(text)) return 'consent';
  if (text.length > 400) return null;
  if (COOKIE_NOTICE.test(text) && /\b(?:accept|agree|ok|consent|opt[- ]out|learn more|read more|privacy)\b/i.test(text))
    return 'consent';
  if (text.length <= 120 && SCRIPT_NOTICE.test(text)) return 'script-notice';
  return null;
}

/** A card of a name's picture and links, inside a sentence: shown on hover, not part of the sentence. */
function isHoverCard(el: Element, text: string): boolean {
  if (el.localName !== 'span' && el.localName !== 'div') return false;
  // The name it belongs to is the link right before it.
  if (el.previousElementSibling?.localName !== 'a' || !el.parentElement?.closest('p, li')) return false;
  if (!el.querySelector('img') || el.querySelectorAll('a').length < 2) return false;
  return text.length > 0 && linkTextLength(el) >= 0.8 * text.length;
}

/** Words a date line holds besides its dates ("Updated …; Posted …"). */
const DATE_FILLER = new RegExp(
  '^(?:[\\s|;:,.·•/()\\-–—]|updated?|posted|published|modified|last|first|on|at|le|am|um' +
    '|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado)*$',
  'iu',
);

/** The same instant as one the header shows (to the minute: a page prints seconds or not). */
function shownInstant(datetime: string, times: ReadonlyArray<string | null>): boolean {
  const t = Date.parse(datetime);
  if (Number.isNaN(t) || !/T\d\d:\d\d/.test(datetime)) return false;
  return times.some((s) => {
    const u = s ? Date.parse(s) : NaN;
    return !Number.isNaN(u) && Math.abs(u - t) < 60_000;
  });
}

/** Raw text length and number of elements under an element (itself included). */
interface Size {
  chars: number;
  elements: number;
}
/** Bigger than any date line, whitespace of the markup included. */
const MAX_LINE_CHARS = 1000;
const MAX_LINE_ELEMENTS = 60;

/** Every element's Size, in one walk of the tree. */
function sizesOf(root: Element): Map<Element, Size> {
  const out = new Map<Element, Size>();
  const visit = (el: Element): Size => {
    const size = { chars: 0, elements: 1 };
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) size.chars += c.nodeValue?.length ?? 0;
      else if (c.nodeType === 1) {
        const child = visit(c as Element);
        size.chars += child.chars;
        size.elements += child.elements;
      }
    }
    out.set(el, size);
    return size;
  };
  visit(root);
  return out;
}

/** Blocks that hold a sentence: a time inside one is part of it. */
const TEXT_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, dd, figcaption';
const TEXT_BLOCK = /^(?:p|li|h[1-6]|blockquote|td|th|dd|figcaption|div|header|section)$/;

/**
 * The date line around `<time>` elements the header shows: the widest element around them whose
 * text is only those times and filler words. Null when the time sits in a sentence.
 */
function timeLine(time: Element, root: Element, shownTimes: Set<Element>, sizes: Map<Element, Size>): Element | null {
  let line: Element | null = null;
  for (let el: Element | null = time; el && el !== root; el = el.parentElement) {
    // A date line is short: the walk stops below the first block bigger than any (so that thousands of
    // times in one container cost no more than one read of it each, issue #8's linear work).
    const size = sizes.get(el);
    if (size && (size.chars > MAX_LINE_CHARS || size.elements > MAX_LINE_ELEMENTS)) break;
    let rest = el.textContent ?? '';
    for (const t of Array.from(el.querySelectorAll('time')))
      if (shownTimes.has(t)) rest = rest.replace(t.textContent ?? '', ' ');
    if (shownTimes.has(el)) rest = '';
    if (!DATE_FILLER.test(rest) || el.querySelector('img')) break;
    line = el;
  }
  // A line of its own, not a time inside a sentence ("The meeting <time>on May 1</time> ended").
  return line && (TEXT_BLOCK.test(line.localName) || !line.parentElement?.closest(TEXT_BLOCKS)) ? line : null;
}

function removeTimeLines(root: Element, ctx: CleanContext, drop: (el: Element, kind: string) => void): void {
  const times = ctx.shown?.times;
  if (!ctx.shown?.dated || !times?.length) return;
  const shown = new Set(
    Array.from(root.querySelectorAll('time')).filter((t) => shownInstant(t.getAttribute('datetime') ?? '', times)),
  );
  if (shown.size === 0) return;
  const sizes = sizesOf(root);
  for (const t of shown) {
    if (!root.contains(t)) continue;
    const line = timeLine(t, root, shown, sizes);
    if (line) drop(line, 'time-line');
  }
}

/** The site's names: its declared name and its domain's label ("www.ascom.com" → "ascom"). */
function siteNames(ctx: CleanContext): string[] {
  const names = ctx.shown?.siteName ? [squash(ctx.shown.siteName)] : [];
  const label = siteLabel(ctx.base);
  if (label) names.push(squash(label.name));
  return names.filter((n) => n.length >= 3);
}

/** "<Name> is a …", "<Name>, Inc. is headquartered …", "<Name>’s mission is …": a company describing itself. */
const SELF_DESCRIPTION = new RegExp(
  '^((?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}&.-]*\\s?){1,4}?)(?:,? (?:inc|ltd|llc|plc|ag|sa|gmbh|corp|corporation)\\.?,?)?' +
    ' (?:is|was|has been) (?:a|an|the|one of|headquartered|based|listed)\\b',
  'u',
);

function isSelfDescription(text: string, names: string[]): boolean {
  // The name opens the text, so a site's name that it is starts as the text's first character does: a
  // paragraph opening with another letter is let through without running the pattern.
  const first = squash(String.fromCodePoint(text.codePointAt(0) ?? 32));
  if (!names.some((n) => n.startsWith(first))) return false;
  const m = SELF_DESCRIPTION.exec(text);
  return !!m && names.includes(squash(m[1]!));
}

/** "Regan is a …" under a "Regan" heading: a paragraph about the person the box is named for. */
const BIO_SUBJECT =
  /^(\p{Lu}[\p{L}'’.-]+)(?:\s\p{Lu}[\p{L}'’.-]+){0,2} (?:is|was|has been|lives|loves|writes|covers|joined)\b/u;
const AUTHOR_NAME = /(?:^|[\s_-])(?:post-?)?(?:author|authors|author-?box|author-?info|about-?author)(?:[\s_-]|$)/i;

function isAuthorBox(el: Element, text: string): boolean {
  if (text.length < 60 || text.length > 1000 || !AUTHOR_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`))
    return false;
  const label = el.querySelector('h1, h2, h3, h4, h5, h6, a, strong, b');
  const name = /^\p{Lu}[\p{L}'’.-]+/u.exec(collapse(label?.textContent ?? ''))?.[0];
  if (!name) return false;
  const paragraphs = el.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length; i++)
    if (BIO_SUBJECT.exec(collapse(paragraphs[i]!.textContent ?? ''))?.[1] === name) return true;
  return false;
}

/** Text offset (raw characters) of each element's start, for "after the story" checks. */
function offsets(root: Element): { at: (el: Element) => number; total: number } {
  const start = new Map<Node, number>();
  let n = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    start.set(t, n);
    n += t.nodeValue?.length ?? 0;
  }
  const at = (el: Element): number => {
    const w = root.ownerDocument.createTreeWalker(el, 4);
    const first = w.nextNode();
    return first ? (start.get(first) ?? n) : n;
  };
  return { at, total: n };
}

/** Removes the page's chrome from Readability's article element (in place; see the module's header). */
export function removePageChrome(root: Element, ctx: CleanContext): void {
  const drop = (el: Element, kind: string): void => {
    if (ctx.removed) ctx.removed.push({ kind, text: collapse(el.textContent ?? '') });
    el.remove();
  };
  removeTimeLines(root, ctx, drop);
  const names = siteNames(ctx);
  let pos: ReturnType<typeof offsets> | null = null;
  const late = (el: Element, share: number): boolean => {
    pos ??= offsets(root);
    return pos.at(el) >= share * pos.total;
  };
  // Measured after the date lines went (sizesOf's one pass: textContent at every level reads the story once per level).
  const sizes = sizesOf(root);
  const storyChars = sizes.get(root)?.chars ?? 0;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el)) continue;
    // A print-only block that holds most of the story is the story, whatever its class says (a template
    // that marks its content print-only and shows it on screen with its own CSS): recall first. A print
    // copy beside the screen copy holds at most half, and goes.
    if (hiddenOnScreen(el) && (sizes.get(el)?.chars ?? 0) <= storyChars / 2) {
      drop(el, 'print-only');
      continue;
    }
    // Every rule below is for a block of at most 2,000 characters: the wrappers around the story are let
    // through without reading their text.
    if ((sizes.get(el)?.chars ?? 0) > 2000) continue;
    const text = collapse(el.textContent ?? '');
    const notice = noticeKind(el, text);
    if (notice) {
      drop(el, notice);
      continue;
    }
    if (isHoverCard(el, text)) {
      drop(el, 'hover-card');
      continue;
    }
    if (el.localName === 'p' && names.length && isSelfDescription(text, names) && late(el, 0.5)) {
      const heading = el.previousElementSibling;
      if (
        heading &&
        /^about\s/i.test(collapse(heading.textContent ?? '')) &&
        collapsedLength(heading.textContent ?? '') < 60
      )
        drop(heading, 'publisher');
      drop(el, 'publisher');
      continue;
    }
    if (isAuthorBox(el, text) && late(el, 0.6)) drop(el, 'author-box');
  }
}
