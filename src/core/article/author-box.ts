/**
 * The author's box after the story (issue #20): the writer's photo, name and a few lines about them
 * ("Laurel Kornfeld is an amateur astronomer and freelance writer…", "Andrew joined the site in
 * 2015…"), which a site prints under every story by that writer. Readability keeps it when it shares
 * the story's wrapper; the reader shows the byline in its header instead.
 *
 * Known by its shape, not by its class (the cleaner has dropped class names by now, and sites name it
 * in many ways): a small block in the last part of the article that holds a picture and opens with the
 * byline's name, followed by a sentence about that person. Kept: a closing line about the writer
 * without a picture (an italic "Jane Doe is a writer in Albany." at the end of the text): assessors
 * count that line as the article's.
 */

import { collapse } from '../text/whitespace.js';
import type { Removal } from '../types.js';

/** A box this long at most (a bio of a few sentences, the name, a follow link). */
const MAX_BOX = 1000;
/** Under this, the picture's block is the picture and its label: its parent is looked at. */
const MIN_BOX = 40;
/** The box starts after this share of the article's text. */
const TAIL = 0.5;
/** Pictures looked at, from the article's end. */
const LAST_PICTURES = 6;
/** The name opens the box: within this many characters. */
const NAME_WITHIN = 100;
/** What a sentence about the writer says right after their name ("Peter is", "Andrew joined"). */
const ABOUT = '(?:is|was|joined|has been|covers|writes|reports|lives|holds|teaches|works)';

const norm = (s: string | null | undefined): string => collapse(s ?? '');

/** The names a byline holds ("Jim Puzzanghera, Michael A. Memoli" → two), lower-cased; two words at least. */
function namesOf(byline: string): string[] {
  return byline
    .split(/\s*(?:,|&|\band\b|\|)\s*/i)
    .map((n) => norm(n.replace(/^by\s+/i, '')).toLowerCase())
    .filter((n) => n.split(' ').length >= 2 && n.length <= 60);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A sentence about the writer `name` (lower-cased): their full or first name, then a verb of a bio. */
function aboutPattern(name: string): RegExp {
  const first = name.split(' ')[0]!;
  const who = first.length >= 3 ? `${escape(name)}|${escape(first)}` : escape(name);
  return new RegExp(`(?:^|[^\\p{L}])(?:${who})\\s+${ABOUT}\\b`, 'u');
}

/** The smallest block around the picture that holds some text, or null when it grows past a box. */
function boxAround(img: Element, article: Element): Element | null {
  for (let el = img.parentElement; el && el !== article; el = el.parentElement) {
    const len = norm(el.textContent).length;
    if (len > MAX_BOX) return null;
    if (len >= MIN_BOX) return el;
  }
  return null;
}

/** The box's text with its blocks apart ("Laurel Kornfeld" in a heading, "Laurel joined…" under it). */
function wordsOf(box: Element): string {
  const parts: string[] = [];
  const walker = box.ownerDocument.createTreeWalker(box, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
  return norm(parts.join(' '));
}

/** How much of the article's text comes before `el`. */
function textBefore(article: Element, el: Element): number {
  const range = article.ownerDocument.createRange();
  range.setStart(article, 0);
  range.setEndBefore(el);
  return norm(range.toString()).length;
}

/** Removes the author's box (see the module's comment) from the cleaned article. */
export function dropAuthorBox(article: Element, byline: string | null, removed?: Removal[]): void {
  const names = byline ? namesOf(byline) : [];
  if (names.length === 0) return;
  let total = -1;
  const patterns = new Map<string, RegExp>();
  // The box is at the end: only the last few pictures are looked at (each look reads its blocks' text).
  for (const img of Array.from(article.querySelectorAll('img')).slice(-LAST_PICTURES)) {
    if (!article.contains(img)) continue;
    const box = boxAround(img, article);
    if (!box) continue;
    const text = wordsOf(box);
    const lower = text.toLowerCase();
    const name = names.find((n) => {
      const at = lower.indexOf(n);
      return at >= 0 && at < NAME_WITHIN;
    });
    if (!name) continue;
    // One pattern a name, built when a box first names them (not once a box).
    let about = patterns.get(name);
    if (!about) patterns.set(name, (about = aboutPattern(name)));
    if (!about.test(lower)) continue;
    if (total < 0) total = norm(article.textContent).length;
    if (textBefore(article, box) < TAIL * total) continue;
    removed?.push({ kind: 'author-box', text });
    box.remove();
  }
}
