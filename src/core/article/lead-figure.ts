/**
 * The lead photo's caption (issue #20: "the reader shows the lead image once with caption and
 * credit"). On many news pages the photo sits between the headline and the story, in a block of its
 * own ("ptr" > img + "credit" + "cutline", "wrapper_photo" > img + "caption"), which Readability's
 * pick leaves out or its conditional cleaning drops as an image box: the article comes back with no
 * picture and the caption and credit are lost (L3S-GN1's truth keeps them as supplemental text).
 *
 * When the cleaned article holds no picture, the live page is read (never changed) from the headline
 * forward to the story's first words: the last sizeable picture on the way that has a caption beside
 * it (a caption/cutline/credit-classed block or figcaption next to it, or a line repeating the
 * picture's own alt or title text) becomes a <figure> at the top of the article, picture and caption.
 * The reader then shows it as the lead figure (overlay/lead-image.ts: a body that opens with a
 * picture is not given a second one). Pictures without a caption are not added: the lead image alone
 * is the reader's business (result.leadImage).
 *
 * Cost: one bounded walk (at most MAX_NODES nodes after the headline); nothing when the article has
 * a picture or the page has no headline.
 */
import { collapse } from '../text/whitespace.js';
import { linkTextLength } from '../page/text-length.js';
import { openingWords } from '../page/walk.js';

/** Nodes looked at after the headline before giving up (the story starts well within this). */
const MAX_NODES = 600;
/** A caption line: a sentence or a credit, not a block of text. */
const MAX_CAPTION = 400;
const MIN_CAPTION = 8;
/** Smaller pictures are icons, buttons and spacers. */
const MIN_SIDE = 100;
/** Caption and credit blocks as CMSs name them. */
const CAPTION_NAME = /caption|cutline|credit|legend|photo-?text|phototxt|imagetext|img-?desc/i;
/** Words of the story's first block that mark where it starts. */
const NEEDLE = 40;

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | SHOW_TEXT: the core names no browser global

/**
 * A photo, not an icon, button or spacer: no width or height attribute under MIN_SIDE, and a GIF or
 * SVG only with both attributes given (unsized GIFs are the "end of story" marks and bullets).
 */
export function photo(img: Element): boolean {
  const src = img.getAttribute('src');
  if (!src) return false;
  const sides = ['width', 'height'].map((a) => img.getAttribute(a)?.trim() ?? '');
  if (sides.some((v) => /^\d+$/.test(v) && Number(v) < MIN_SIDE)) return false;
  return !/\.(?:gif|svg)(?:[?#]|$)/i.test(src) || sides.every((v) => /^\d+$/.test(v));
}

const nameOf = (el: Element): string => `${el.getAttribute('class') ?? ''} ${el.id}`;

/** A caption line: short, not a link list, and named as a caption or repeating the picture's own words. */
function captionText(el: Element, own: string): string | null {
  if (el.querySelector('img, p p, table, ul, ol, h1, h2, h3')) return null;
  const text = collapse(el.textContent ?? '');
  if (text.length < MIN_CAPTION || text.length > MAX_CAPTION) return null;
  if (linkTextLength(el) > 0.5 * text.length) return null;
  const named = el.localName === 'figcaption' || CAPTION_NAME.test(nameOf(el));
  return named || (own.length >= 20 && text === own) ? text : null;
}

/** The caption lines beside a picture: its box's caption-named blocks (or the line repeating its alt/title). */
function captionOf(img: Element): string[] {
  const own = collapse(img.getAttribute('title') || img.getAttribute('alt') || '');
  // The picture's box: its parent (past a link around it), where the caption sits beside it.
  let holder: Element = img;
  if (holder.parentElement?.localName === 'a') holder = holder.parentElement;
  const box = holder.parentElement;
  if (!box) return [];
  const lines: string[] = [];
  for (let el = holder.nextElementSibling, k = 0; el && k < 3; el = el.nextElementSibling, k++) {
    const t = captionText(el, own) ?? (el.children.length === 1 ? captionText(el.children[0]!, own) : null);
    if (t) lines.push(t);
  }
  // A caption box's own caption children ("figure > figcaption", "div.photo > div.caption" before the picture).
  for (let el = box.firstElementChild; el && el !== holder && lines.length === 0; el = el.nextElementSibling) {
    const t = captionText(el, own);
    if (t) lines.push(t);
  }
  return lines;
}

/**
 * Adds the lead photo with its caption at the top of `article` (cleaned, in the clone) when the article
 * has no picture and the page prints one, with a caption, between `headline` (in the live page) and the
 * story. Reads the live page only.
 */
export function addLeadFigure(article: Element, headline: Element, base: string): void {
  if (Array.from(article.querySelectorAll('img')).some(photo)) return;
  const needle = openingWords(article, NEEDLE);
  if (!needle) return;
  const doc = headline.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, SHOW_ELEMENT_AND_TEXT);
  walker.currentNode = headline;
  let found: { img: Element; caption: string[] } | null = null;
  let reached = false;
  for (let n = walker.nextNode(), k = 0; n && k < MAX_NODES; n = walker.nextNode(), k++) {
    if (n.nodeType === 3) {
      if ((n.nodeValue ?? '').length >= NEEDLE / 2 && collapse(n.nodeValue ?? '').startsWith(needle.slice(0, 20))) {
        reached = true;
        break;
      }
      continue;
    }
    const el = n as Element;
    if (el.localName !== 'img' || !photo(el)) continue;
    const caption = captionOf(el);
    if (caption.length) found = { img: el, caption };
  }
  if (!reached || !found) return;
  let src: string;
  try {
    src = new URL(found.img.getAttribute('src')!, base).href;
  } catch {
    return;
  }
  const out = article.ownerDocument;
  const figure = out.createElement('figure');
  const img = out.createElement('img');
  img.setAttribute('src', src);
  img.setAttribute('alt', collapse(found.img.getAttribute('alt') ?? ''));
  const caption = out.createElement('figcaption');
  found.caption.forEach((line, i) => {
    if (i) caption.append(out.createElement('br'));
    caption.append(line);
  });
  figure.append(img, caption);
  article.prepend(figure);
}
