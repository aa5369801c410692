/**
 * The site's list of other stories after the story's end (issue #20): Readability's pick runs on past
 * the last paragraph into a box headed "Related Posts", "Today's Top Stories", "More On This Topic",
 * "Links to more music stories", whose heading is a line of its own (a <p>, a <span>, a <b>, an <h3>)
 * rather than the box's first child, so the cleaning walk's heading rules (clean.ts: a heading takes the
 * link list right after it) never see the box as one block.
 *
 * The heading and everything after it in the article go when:
 * - the heading is a line of at most MAX_HEADING characters that names such a box (RELATED_HEADING),
 *   past the middle of the article's text;
 * - nothing after it reads as the story: no run of MAX_RUN characters or more outside links (a
 *   paragraph of prose), while the teasers' titles are links and their summaries short;
 * - links make at least LINK_SHARE of the text after it (a list of headlines, not the story's last
 *   short paragraphs under a subheading that happens to say "latest").
 *
 * Cost: one walk over the article's text nodes (their lengths and whether they sit in a link); the
 * heading test runs only on short text nodes.
 *
 * Also here (dropTrailingHeadings): the headings left as the article's last lines once such boxes are
 * gone, with nothing after them.
 */
import { collapse, collapsedLength } from '../text/whitespace.js';
import { RELATED_HEADING } from '../text/lexicon/headings.js';
import type { Removal } from '../types.js';
import { HEADING_TAGS } from '../page/walk.js';

const SHOW_TEXT = 4;
const MAX_HEADING = 40;
/** Past this share of the article's text. */
const AFTER_SHARE = 0.5;
/** A run of text outside links this long is a paragraph of the story. */
const MAX_RUN = 200;
const LINK_SHARE = 0.3;
/** Headings whose tails are measured, at most (each measure walks the rest of the article). */
const MAX_TRIES = 3;
/** "Links to more music stories": a section named between "more" and "stories". */
const MORE_STORIES = /\bmore(?: [\p{L}'’]+){0,2} (?:stories|news|articles|posts|headlines)\b/iu;
/** Blocks that end a run of text (a line of its own). */
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'td',
  'th',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'aside',
  'figure',
  'figcaption',
  'table',
  'tr',
  'ul',
  'ol',
]);

interface Piece {
  text: Text;
  chars: number;
  link: boolean;
  block: Element | null;
}

/** The text's place below `root`, from one climb: inside a link or not, and its nearest block. */
function placeOf(t: Text, root: Element): Pick<Piece, 'link' | 'block'> {
  let link = false;
  let block: Element | null = null;
  for (let el = t.parentElement; el && el !== root && !(link && block); el = el.parentElement) {
    if (el.localName === 'a') link = true;
    else if (!block && BLOCKS.has(el.localName)) block = el;
  }
  return { link, block };
}

/** The element that holds the heading text `t` and nothing more, or null when `t` is part of a longer line. */
function headingLine(t: Text, root: Element): Element | null {
  let line: Element | null = null;
  for (let el = t.parentElement; el && el !== root; el = el.parentElement) {
    if (collapsedLength(el.textContent ?? '') > MAX_HEADING) break;
    line = el;
  }
  return line;
}

/** Does the text after piece `from` (its heading's own text left out) read as a list of other stories? */
function tailIsList(pieces: Piece[], from: number, heading: Element): boolean {
  let total = 0;
  let links = 0;
  let run = 0;
  let runBlock: Element | null = null;
  for (let i = from; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (heading.contains(p.text)) continue;
    total += p.chars;
    if (p.link) {
      links += p.chars;
      run = 0;
      continue;
    }
    if (p.block !== runBlock) run = 0;
    runBlock = p.block;
    run += p.chars;
    if (run >= MAX_RUN) return false;
  }
  return total > 0 && links >= LINK_SHARE * total;
}

/** Does this short text name a box of other stories? */
function namesBox(text: string): boolean {
  return RELATED_HEADING.test(text) || MORE_STORIES.test(text);
}

/** Removes the list of other stories after the story's end, heading and all (in place). */
export function removeRelatedTail(article: Element, removed?: Removal[]): void {
  const pieces: Piece[] = [];
  const walker = article.ownerDocument.createTreeWalker(article, SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const chars = collapsedLength(t.data);
    if (!chars) continue;
    pieces.push({ text: t, chars, ...placeOf(t, article) });
    total += chars;
  }
  let before = 0;
  let tries = MAX_TRIES;
  for (let i = 0; i < pieces.length && tries > 0; i++) {
    const p = pieces[i]!;
    const past = before >= AFTER_SHARE * total;
    before += p.chars;
    if (!past || p.link || p.chars > MAX_HEADING || !namesBox(p.text.data)) continue;
    const line = headingLine(p.text, article);
    if (!line || line.querySelector('a') || !namesBox(collapse(line.textContent ?? ''))) continue;
    tries--;
    if (!tailIsList(pieces, i, line)) continue;
    cutFrom(line, article, removed);
    return;
  }
}

/** Removes `el` and everything after it inside `root`. */
function cutFrom(el: Element, root: Element, removed?: Removal[]): void {
  const gone: string[] = [];
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    while (node.nextSibling) {
      gone.push(node.nextSibling.textContent ?? '');
      node.nextSibling.remove();
    }
  }
  removed?.push({ kind: 'related-tail', text: collapse(`${el.textContent ?? ''} ${gone.join(' ')}`) });
  el.remove();
}

/** What a heading may head besides text: a picture, a player, a chart. */
const MEDIA = 'img, picture, video, audio, iframe, svg, object, embed, canvas';
/** Node.DOCUMENT_POSITION_FOLLOWING (the core names no DOM globals). */
const FOLLOWING = 4;

/** The heading element (h1–h6) below `root` that holds `t`, or null. */
function headingOf(t: Text, root: Element): Element | null {
  for (let el = t.parentElement; el && el !== root; el = el.parentElement)
    if (HEADING_TAGS.has(el.localName)) return el;
  return null;
}

/**
 * Headings that close the article with nothing after them (issue #20): the title of a box the cleaning
 * took away ("Top Feature Story", "Hot stories on Ars", "LATEST NEWS", "Tell us what YOU think...",
 * "Zac Hall's favorite gear"), left as the article's last line. A heading heads what follows it; the
 * last ones go, from the end back to the story's last line that is no heading. Kept: a heading with a
 * picture, a player or a chart after it, and the headings of an article that is nothing else.
 *
 * Cost: one walk over the article's text nodes (kept in a list and read from the end).
 */
export function dropTrailingHeadings(article: Element, removed?: Removal[]): void {
  const texts: Text[] = [];
  const walker = article.ownerDocument.createTreeWalker(article, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (collapsedLength((n as Text).data)) texts.push(n as Text);
  const media = article.querySelectorAll(MEDIA);
  const lastMedia = media.length ? media[media.length - 1]! : null;
  const doomed: Element[] = [];
  for (let i = texts.length - 1; i >= 0; i--) {
    const t = texts[i]!;
    if (doomed.length && doomed[doomed.length - 1]!.contains(t)) continue;
    const heading = headingOf(t, article);
    if (!heading) {
      // The story's last line: the headings after it go.
      for (const h of doomed) {
        removed?.push({ kind: 'trailing-heading', text: collapse(h.textContent ?? '') });
        h.remove();
      }
      return;
    }
    // A picture or a player after the heading (or in it): it heads them.
    if (lastMedia && (heading.contains(lastMedia) || heading.compareDocumentPosition(lastMedia) & FOLLOWING)) return;
    doomed.push(heading);
  }
}
