/**
 * The page's chrome left as lines of the article (issue #20), removed in place after the cleaning
 * walk (clean.ts), by their words alone (the class names are gone by then):
 * - a picture's, gallery's or video player's controls and labels: "1 of 7", "Buy Photo", "hide
 *   caption", "toggle caption", "Enlarge this image", "Image copyright", "CLOSE", "Embed". The
 *   caption and the credit around them stay (the reader shows them); only the label goes, as the
 *   element that holds it and nothing else.
 * - the site's lines around the story: "Read or Share this story: <url>", "Email the author",
 *   "Follow … on Twitter", "See Next Story in Politics", "(Story continues below)", "Print Sponsor",
 *   "Report Typo/Error", a line that is only an e-mail address. A line is a block without blocks
 *   inside whose whole text is the phrase: a sentence that holds one is the story's. An arrow or a
 *   thumbnail beside the link ("See Next Story in Entertainment<img>") goes with it.
 * - a link to elsewhere on the site printed as a line of its own: "Back to Top", "Back to <Site>",
 *   "More news...", "More News Headlines", "Next page >" (issue #20: l3s-gn1 pages of six sites). The
 *   line must be the link (LINK_SHARE of its text): a subheading or a sentence with the words stays.
 * - the story's tags: "Tagged: Ceres Dawn NASA", "Tagged with: htc vive, oculus rift", "Tags: …", a
 *   label and then links to the site's tag pages, nothing else.
 * One walk over the article's text nodes; a text node is looked at further only when it holds a
 * cue word (CHROME_CUE), and each line block is judged once.
 */
import { collapse } from '../text/whitespace.js';
import { CHROME_CUE, GALLERY_CHROME, NAV_LINK, SITE_TRAILER, TAG_LABEL } from '../text/lexicon/chrome-lines.js';
import { linkTextLength } from '../page/text-length.js';
import { isBlank } from '../page/walk.js';
import type { Removal } from '../types.js';

const SHOW_TEXT = 4;
/** Blocks that make a line of their own. */
const LINE_TAGS = new Set([
  'p',
  'div',
  'li',
  'dd',
  'dt',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  'td',
  'section',
  'aside',
  'footer',
  'header',
]);
const INNER_BLOCKS = 'p, div, ul, ol, li, table, h1, h2, h3, h4, h5, h6, blockquote, section, article, figure, dl';
/** Longer than any such line. */
const MAX_LINE = 200;
/**
 * A tag line: its links make this share of the text after the label at least (commas and spaces
 * between); a navigation line: this share of its whole text.
 */
const LINK_SHARE = 0.8;
/** Longer than any label of a text node. */
const MAX_LABEL = 40;

/** Does the element hold a picture or a player (it is not a label then, whatever its text)? */
function holdsMedia(el: Element): boolean {
  return el.querySelector('img, picture, video, audio, iframe, svg') !== null;
}

/** Is `node` the only child of its parent that is not blank text or a comment? */
function onlyChild(node: Node): boolean {
  for (let c = node.parentNode?.firstChild ?? null; c; c = c.nextSibling) {
    if (c === node || isBlank(c)) continue;
    return false;
  }
  return true;
}

const PLAYERS = 'video, audio, iframe';

/** "Tagged: Ceres Dawn NASA": a label, then links, and nothing else. */
function isTagLine(line: Element, text: string): boolean {
  const label = TAG_LABEL.exec(text);
  if (!label) return false;
  const rest = text.length - label[0].length;
  return rest > 0 && linkTextLength(line) >= LINK_SHARE * rest;
}

const ICONS = new Set(['img', 'svg', 'picture']);

/** Are the label's siblings only icons (a button written "CLOSE<img>"), blank text or comments? */
function besideIcons(t: Text): boolean {
  for (let c = t.parentNode?.firstChild ?? null; c; c = c.nextSibling) {
    if (c === t || isBlank(c)) continue;
    if (c.nodeType !== 1 || !ICONS.has((c as Element).localName)) return false;
  }
  return true;
}

/**
 * What holds the label text `t` and nothing else: its parent, or a wrapper of it alone; the text
 * itself when an icon sits beside it; null when the text is part of a longer line.
 */
function labelOf(t: Text, root: Element): Element | Text | null {
  let el = t.parentElement;
  if (!el || el === root) return null;
  if (!onlyChild(t)) return besideIcons(t) ? t : null;
  while (el.parentElement && el.parentElement !== root && onlyChild(el)) el = el.parentElement;
  return el;
}

/** The nearest line block above `t` inside `root`, or null. */
function lineOf(t: Text, root: Element): Element | null {
  for (let el = t.parentElement; el && el !== root; el = el.parentElement) if (LINE_TAGS.has(el.localName)) return el;
  return null;
}

/** Removes the chrome lines and labels from the article element in place; each is recorded in `removed`. */
export function removeChromeLines(root: Element, removed?: Removal[]): void {
  const doomed: Array<{ el: Element | Text; kind: string }> = [];
  const judged = new Set<Element>();
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.data.length > 4 * MAX_LINE || !CHROME_CUE.test(t.data)) continue;
    const own = collapse(t.data);
    if (own.length <= MAX_LABEL && GALLERY_CHROME.test(own)) {
      const label = labelOf(t, root);
      if (label) {
        // A button's label beside its icon ("CLOSE<img>"): the words go, the picture stays.
        doomed.push({ el: label === t || holdsMedia(label as Element) ? t : label, kind: 'gallery-chrome' });
        continue;
      }
    }
    const line = lineOf(t, root);
    if (!line || judged.has(line)) continue;
    judged.add(line);
    const raw = line.textContent ?? '';
    if (raw.length > 4 * MAX_LINE) continue;
    const text = collapse(raw);
    if (text.length > MAX_LINE || line.querySelector(INNER_BLOCKS) || line.querySelector(PLAYERS)) continue;
    // An arrow or a thumbnail beside "See Next Story in …" is the link's; a gallery's label beside
    // a picture is only the label (above).
    if (GALLERY_CHROME.test(text) && !holdsMedia(line)) doomed.push({ el: line, kind: 'gallery-chrome' });
    else if (SITE_TRAILER.test(text)) doomed.push({ el: line, kind: 'site-line' });
    else if (isTagLine(line, text)) doomed.push({ el: line, kind: 'tag-line' });
    else if (NAV_LINK.test(text) && linkTextLength(line) >= LINK_SHARE * text.length)
      doomed.push({ el: line, kind: 'nav-link' });
  }
  for (const { el, kind } of doomed) {
    if (!root.contains(el)) continue; // inside a line removed before it
    removed?.push({ kind, text: collapse(el.textContent ?? '') });
    el.remove();
  }
}
