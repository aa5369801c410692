/**
 * Another story's headline, alone on its line between the article's paragraphs (issue #20): a block
 * that is one link to another page of the same site, shaped like a headline ("Here's how to get fresh
 * McDonald's fries every time", "Xbox Scorpio Will Not Need a 4K TV"), dropped in by the site's CMS
 * as a pointer. Three in a row are a related box (the cleaner's rule); one alone stayed in the story.
 *
 * Kept: a line that reads as a sentence (ends with . ! ? or :), a link to another site (a source the
 * story cites), a link to the page itself, a line without a paragraph of the story beside it.
 */
import type { Removal } from '../types.js';
import { collapse } from '../text/whitespace.js';

const LINE = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
const MIN_CHARS = 20;
const MAX_CHARS = 160;
const MIN_WORDS = 4;
/** A paragraph of the story: this long at least. */
const PARAGRAPH = 80;

function hostOf(href: string, base: string): { host: string; path: string } | null {
  try {
    const u = new URL(href, base);
    return /^https?:$/.test(u.protocol) ? { host: u.hostname.replace(/^www\./, ''), path: u.pathname } : null;
  } catch {
    return null;
  }
}

/** Is `el` (or its list, when it is the list's only item) a paragraph's neighbour? */
function besideParagraph(el: Element): boolean {
  const line = el.localName === 'li' ? el.parentElement : el;
  if (!line) return false;
  return [line.previousElementSibling, line.nextElementSibling].some(
    (s) => s?.localName === 'p' && collapse(s.textContent ?? '').length >= PARAGRAPH,
  );
}

/** The headline link line `el` is, or null: the block to remove (a one-item list as a whole). */
function storyLink(el: Element, url: string): Element | null {
  const text = collapse(el.textContent ?? '');
  if (text.length < MIN_CHARS || text.length > MAX_CHARS || text.split(' ').length < MIN_WORDS) return null;
  if (/[.!?:;,]["”’»']?$/.test(text) || el.querySelector('img, p, div')) return null;
  const anchors = el.getElementsByTagName('a');
  if (anchors.length !== 1) return null;
  const a = anchors[0]!;
  if (collapse(a.textContent ?? '').length < 0.9 * text.length) return null;
  const to = hostOf(a.getAttribute('href') ?? '', url);
  const here = hostOf(url, url);
  if (!to || !here || to.host !== here.host || to.path === here.path || to.path.length < 8) return null;
  if (el.localName === 'li' && el.parentElement?.children.length !== 1) return null;
  if (!besideParagraph(el)) return null;
  return el.localName === 'li' ? el.parentElement : el;
}

/** Removes the lone headline links to the site's other stories from the cleaned article. */
export function dropStoryLinks(article: Element, url: string, removed?: Removal[]): void {
  for (const el of Array.from(article.querySelectorAll(Array.from(LINE).join(', ')))) {
    if (!article.contains(el)) continue;
    const block = storyLink(el, url);
    if (!block) continue;
    removed?.push({ kind: 'story-link', text: collapse(block.textContent ?? '') });
    block.remove();
  }
}
