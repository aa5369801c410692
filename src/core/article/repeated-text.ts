/**
 * Caption sentences the story already says, shown once (issue #20). Wire captions repeat the story's
 * first paragraph after the photo's own line ("In this photo provided by …, a diver … . <the story's
 * lead> (AP Photo/…)"), and a gallery prints it again under every slide; a reader shows it once.
 *
 * Dropped: inside a caption, a sentence of eight words or more the running text or an earlier caption
 * already says (the rest of the caption, the photo's own line and its credit, stays): the second copy
 * of a caption a page prints twice (the picture's enlarged copy, hidden until clicked, under it).
 * Kept: blocks of the running text printed twice, pull quotes, a second copy of the whole story:
 * the assessors count them as the article's text (dropping repeated paragraphs, pull quotes and
 * repeated label lines cost recall and F1 on scrapinghub and on news-extraction's L3S-GN1 pages).
 *
 * Also shown once: the same picture printed again (`dropRepeatedPictures`), the enlarged copy a page
 * keeps hidden until the picture is clicked (a photo: no icon or spacer): the same address but for the
 * size in its file name or query ("-s1100" / "-s1200", "-1024x683", "?s=1400") or one long token
 * of its file name in common (the CMS's hash of the photo: "x_custom-ea1b…-s1100.jpg" /
 * "x_enl-ea1b…-s1200.jpg"), the same alt text, in a block of its own
 * that says nothing the first copy's block does not (its caption and credit again). The reader
 * showed the photo twice.
 *
 * Linear: one pass over the article's blocks; the running text's word sequences are kept in one set.
 */
import { collapse } from '../text/whitespace.js';
import { photo } from './lead-figure.js';
import type { Removal } from '../types.js';

/** Blocks whose text is compared. A block holding another of these is a wrapper, not compared. */
const BLOCKS = 'p, li, blockquote, dd, dt, h2, h3, h4, h5, h6, figcaption, div, section, aside, td';
const BLOCK_TAGS = new Set(BLOCKS.split(', '));
/** A caption sentence this long at least, and this much of it said by the running text, goes. */
const MIN_SENTENCE_WORDS = 8;
const SAID = 0.8;
const N = 4;

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

function shingles(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + N <= words.length; i++) out.push(words.slice(i, i + N).join(' '));
  return out;
}

/** The innermost blocks: no other block inside them. */
function leafBlocks(article: Element): Element[] {
  const all = Array.from(article.querySelectorAll(BLOCKS));
  const wrappers = new Set<Element>();
  for (const el of all) {
    // The nearest block above: a wrapper.
    for (let up = el.parentElement; up && up !== article; up = up.parentElement) {
      if (BLOCK_TAGS.has(up.localName)) {
        wrappers.add(up);
        break;
      }
    }
  }
  return all.filter((el) => !wrappers.has(el));
}

/** A caption's sentences, split after . ! ? (and a closing quote or bracket) before a capital or an opening bracket. */
const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“(\p{Lu}])/u;

/**
 * Removes the caption's sentences that the running text or an earlier caption says already; returns
 * what it removed. The sentences it keeps join `captioned` (what the captions said so far).
 */
function trimCaption(caption: Element, said: Set<string>, captioned: Set<string>): string {
  const removed: string[] = [];
  const doc = caption.ownerDocument;
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(caption, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const node of texts) {
    const value = node.nodeValue ?? '';
    const sentences = value.split(SENTENCE_END);
    if (sentences.length === 0) continue;
    const kept = sentences.filter((s) => {
      const words = wordsOf(s);
      if (words.length < MIN_SENTENCE_WORDS) return true;
      const grams = shingles(words);
      const known = grams.filter((g) => said.has(g) || captioned.has(g)).length;
      if (known < SAID * grams.length) {
        for (const g of grams) captioned.add(g);
        return true;
      }
      removed.push(s.trim());
      return false;
    });
    if (kept.length < sentences.length) node.nodeValue = kept.join(' ');
  }
  return removed.join(' ');
}

/** Removes the caption sentences the cleaned article's running text says already (see the module's comment). */
export function dropRepeatedText(article: Element, removed?: Removal[]): void {
  // The word sequences the running text says (every block outside the captions).
  const said = new Set<string>();
  const captions: Element[] = [];
  for (const el of leafBlocks(article)) {
    if (el.localName === 'figcaption' || el.closest('figcaption')) captions.push(el);
    else for (const g of shingles(wordsOf(el.textContent ?? ''))) said.add(g);
  }
  const captioned = new Set<string>();
  for (const caption of captions) {
    if (!article.contains(caption)) continue;
    const gone = trimCaption(caption, said, captioned);
    if (gone) removed?.push({ kind: 'caption-repeat', text: gone });
  }
}

/** Caption-sized: a picture's block holds at most this much text (its caption and credit). */
const MAX_PICTURE_BLOCK_TEXT = 600;

/** The largest block around the picture that holds no other picture and no more than a caption's text. */
function pictureBlock(img: Element, article: Element): Element {
  let block: Element = img;
  for (let up = img.parentElement; up && up !== article; up = up.parentElement) {
    if (up.getElementsByTagName('img').length > 1) break;
    if ((up.textContent ?? '').length > MAX_PICTURE_BLOCK_TEXT) break;
    block = up;
  }
  return block;
}

/** A size marker at the end of a picture's file name: "-s1200", "-c15", "-1024x683", "_800w". */
const SIZE_MARK = /[-_](?:\d+x\d+|[swhc]\d+|\d+[wh])$/i;
/** A token of a picture's file name long enough to name that picture alone (a hash, an id). */
const NAME_TOKEN = /[a-z0-9]{12,}/gi;

/** The picture's address without query, extension or size markers, and its file name's long tokens. */
function pictureName(img: Element): { stem: string; tokens: string[] } | null {
  const src = (img.getAttribute('src') ?? '').split(/[?#]/)[0]!;
  if (!src || src.startsWith('data:') || !photo(img)) return null;
  const cut = src.lastIndexOf('/') + 1;
  let name = src.slice(cut).replace(/\.[a-z0-9]{2,5}$/i, '');
  for (let prev = ''; prev !== name;) [prev, name] = [name, name.replace(SIZE_MARK, '')];
  return name ? { stem: (src.slice(0, cut) + name).toLowerCase(), tokens: name.match(NAME_TOKEN) ?? [] } : null;
}

interface Picture {
  stem: string;
  tokens: string[];
  alt: string;
  text: string;
}

/** The same photo: the same address but for its size, or one long token of the file name (a hash, an id) in common. */
const samePhoto = (a: Picture, b: Picture): boolean =>
  a.alt === b.alt && (a.stem === b.stem || a.tokens.some((t) => b.tokens.includes(t)));

/** Pictures compared with those before them, at most (each comparison is a few string tests). */
const MAX_PICTURES = 60;

/** Removes the second copy of a picture the article shows already (see the module's comment). */
export function dropRepeatedPictures(article: Element, removed?: Removal[]): void {
  const seen: Picture[] = [];
  for (const img of Array.from(article.getElementsByTagName('img')).slice(0, MAX_PICTURES)) {
    if (!article.contains(img)) continue;
    const name = pictureName(img);
    if (!name) continue;
    const block = pictureBlock(img, article);
    const picture = { ...name, alt: collapse(img.getAttribute('alt') ?? ''), text: collapse(block.textContent ?? '') };
    // Only a copy: the same photo, and nothing in its block that the first copy's block does not say.
    if (!seen.some((first) => samePhoto(first, picture) && first.text.includes(picture.text))) {
      seen.push(picture);
      continue;
    }
    block.remove();
    removed?.push({ kind: 'picture-repeat', text: `${img.getAttribute('src') ?? ''} ${picture.text}` });
  }
}
