/**
 * Text the article prints twice, shown once (issue #20). Wire captions repeat the story's first
 * paragraph after the photo's own line ("In this photo provided by …, a diver … . <the story's lead>
 * (AP Photo/…)"), and galleries print their title under every slide; a reader shows each once.
 *
 * Dropped, in the cleaned article:
 * - inside a caption, a sentence the running text already says (the rest of the caption stays);
 * - a label line that repeats an earlier one word for word (the later copy; see isLabelLine).
 * Kept: sentences and list items printed twice, pull quotes, a second copy of the whole story: the
 * assessors count them as the article's text (dropping repeated sentences and pull quotes cost recall
 * on both corpora). Short lines (under six words: credits, "Photo: AP") are never compared.
 *
 * Linear: one pass over the article's blocks; the running text's word sequences are kept in one set.
 */

import { collapse } from '../text/whitespace.js';

/** Blocks whose text is compared. A block holding another of these is a wrapper, not compared. */
const BLOCKS = 'p, li, blockquote, dd, dt, h2, h3, h4, h5, h6, figcaption, div, section, aside, td';
const BLOCK_TAGS = new Set(BLOCKS.split(', '));
/** Under this many words a block is a label or credit: never compared. */
const MIN_WORDS = 6;
/** A caption sentence this long at least, and this much of it said by the running text, goes. */
const MIN_SENTENCE_WORDS = 8;
const SAID = 0.8;
const N = 4;
const MAX_LABEL_WORDS = 14;

const norm = (s: string | null | undefined): string => collapse(s ?? '');
const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

function shingles(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + N <= words.length; i++) out.push(words.slice(i, i + N).join(' '));
  return out;
}

interface Block {
  el: Element;
  words: string[];
  key: string;
  grams: string[];
}

/**
 * A line that labels rather than tells: six to fourteen words, not ending like a sentence, not a list
 * item or a quote ("Iconic image of 9/11 flag raising" under every slide of a gallery, "In Pictures:
 * White-Collar Criminals Behind Bars", a date line printed twice). Sentences and list items that
 * repeat stay: the assessors keep them (a question put to each person interviewed, a recipe's line
 * in each day's menu, a sentence an editor left twice: dropping them cost 0.004 recall on scrapinghub).
 */
function isLabelLine(b: Block): boolean {
  if (b.words.length < MIN_WORDS || b.words.length > MAX_LABEL_WORDS) return false;
  if (b.el.localName === 'li' || b.el.closest('li, blockquote')) return false;
  return !/[.!?…:;"”’)]$/.test(norm(b.el.textContent));
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

/** Removes the caption's sentences that the running text says already; returns what it removed. */
function trimCaption(caption: Element, said: Set<string>): string {
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
      const known = grams.filter((g) => said.has(g)).length;
      if (known < SAID * grams.length) return true;
      removed.push(s.trim());
      return false;
    });
    if (kept.length < sentences.length) node.nodeValue = kept.join(' ');
  }
  return removed.join(' ');
}

/** Removes the text the cleaned article repeats (see the module's comment). */
export function dropRepeatedText(article: Element, removed?: Array<{ kind: string; text: string }>): void {
  const text: Block[] = [];
  const captions: Element[] = [];
  for (const el of leafBlocks(article)) {
    if (el.localName === 'figcaption' || el.closest('figcaption')) {
      captions.push(el);
      continue;
    }
    const words = wordsOf(el.textContent ?? '');
    if (words.length === 0) continue;
    text.push({ el, words, key: words.join(' '), grams: shingles(words) });
  }
  // The word sequences the running text says; the later copies of label lines go.
  const said = new Set<string>();
  const seen = new Set<string>();
  for (const b of text) {
    if (isLabelLine(b) && seen.has(b.key)) {
      removed?.push({ kind: 'repeated-text', text: b.words.join(' ') });
      b.el.remove();
      continue;
    }
    seen.add(b.key);
    for (const g of b.grams) said.add(g);
  }
  for (const caption of captions) {
    if (!article.contains(caption)) continue;
    const gone = trimCaption(caption, said);
    if (gone) removed?.push({ kind: 'caption-repeat', text: gone });
  }
}
