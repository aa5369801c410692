/**
 * The byline the page prints under its headline (issue #20): wire, French and live-blog pages often
 * declare no author in their metadata but print one — "By Sean Breslin", "Par Marie Dupont",
 * "Von Anna Schmidt", "Por Redação", "Text: …", an author-classed element, or an agency credit line
 * "(AFP) Saturday 12 January 2008". Read from the live document (never changed): the text-bearing
 * elements after the headline, up to the first paragraph of running text.
 *
 * A line counts only when what follows its label is shaped like names: one to four capitalised words
 * each (particles "de", "von der" allowed), several names joined by "and"/","; so "Von Montag an gilt …"
 * is a sentence, not a byline. What follows the names (dates, "| Published …", e-mail, roles) is cut.
 */
import { holdsTag, pastSubtree } from '../page/walk.js';
import { AFTER_NAMES, AGENCY_CREDIT, BYLINE_PREFIX, NAME_PARTICLES } from '../text/lexicon/bylines.js';
import { MONTHS } from '../text/lexicon/months.js';
import { squash } from '../text/text-key.js';

const MAX_LINE = 160;
/** Elements looked at after the headline before giving up. */
const MAX_LINES = 15;
const AUTHOR_CLASS = /(?:^|[\s_-])(?:byline|author|autor|auteur|signature|writer)(?:$|[\s_-])/i;
const NOT_AUTHOR = /bio|avatar|image|photo|comment|follow|more|other|related|box/i;
const JOINER = /^(?:and|und|et|y|e|&|,)$/i;
/** A class that says heading or title (`[class*="head" i], [class*="title" i]`). */
const HEAD_CLASS = /head|title/i;
const PARAGRAPH_TAGS = new Set(['p', 'div', 'li']);

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** The headline element: the h1 (or h2) whose text is the article's title, else the page's only h1. */
export function findHeadline(doc: Document, title: string): Element | null {
  const key = squash(title).slice(0, 24);
  const heads = Array.from(doc.querySelectorAll('h1, h2'));
  if (key.length >= 8) {
    const hit = heads.find((h) => squash(h.textContent ?? '').includes(key));
    if (hit) return hit;
  }
  const h1s = heads.filter((h) => h.localName === 'h1');
  if (h1s.length === 1) return h1s[0]!;
  // Table-era and div-soup pages: a "heading"/"title"-classed cell or div holding the title. One walk of
  // the page's elements in document order with the class tested in hand (a querySelectorAll of
  // case-insensitive substring selectors is slow in jsdom: title.ts's printedHeadings).
  if (key.length < 8) return null;
  const walker = doc.createTreeWalker(doc, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const cls = el.getAttribute('class');
    if (cls === null || !HEAD_CLASS.test(cls)) continue;
    if (!holdsTag(el, PARAGRAPH_TAGS) && squash(el.textContent ?? '').includes(key)) return el;
  }
  return null;
}

/** Is this word part of a name: "Sean", "O'Neill", "Müller-Lüdenscheidt", "von", "USA", "J."? */
function nameWord(w: string): boolean {
  if (AFTER_NAMES.test(w) || MONTHS.has(w.toLowerCase().replace(/\.$/, ''))) return false;
  return /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || NAME_PARTICLES.has(w);
}

/**
 * The names at the start of `text` ("Sean Breslin | Published …" → "Sean Breslin"), or null when it
 * does not open with a name. Names: 1–4 name words each (at least one capitalised), joined by and/,/&.
 */
function leadingNames(text: string): string | null {
  const words = text
    .replace(/([,;|•·@])/g, ' $1 ')
    .split(/\s+/)
    .filter(Boolean);
  const names: string[][] = [[]];
  for (const w of words) {
    const current = names[names.length - 1]!;
    if (JOINER.test(w) && current.length) {
      names.push([]);
      continue;
    }
    if (!nameWord(w) || current.length >= 4) {
      // A name runs into a lower-case word ("Von Montag an gilt …"): a sentence, not a byline.
      if (current.length && /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w)) return null;
      break;
    }
    current.push(w);
  }
  const done = names.filter((n) => n.some((w) => /^\p{Lu}/u.test(w)));
  // A trailing particle ("… von") belongs to the sentence, not the name.
  for (const n of done) while (n.length && NAME_PARTICLES.has(n[n.length - 1]!)) n.pop();
  const out = done.filter((n) => n.length).map((n) => n.join(' '));
  return out.length ? out.join(', ') : null;
}

/** A byline in one line of text, or null: "By NAME …", an agency credit, or (author-classed) "NAME …". */
function bylineIn(text: string, authorClassed: boolean): string | null {
  if (!text || text.length > MAX_LINE) return null;
  const agency = AGENCY_CREDIT.exec(text);
  // "(AFP) Saturday …", an author link "Reuters", "AP | 3 hours ago"; not "AP Photo/…" (a picture's credit).
  const after = agency ? text.slice(agency[0].length).trim() : '';
  // Unbracketed, only in an author-classed element: a bare "AP" also credits videos and teasers.
  if (agency && (/^\(/.test(text) || (authorClassed && (!after || /^[|–—,-]/.test(after))))) return agency[1]!;
  const label = BYLINE_PREFIX.exec(text);
  if (label) return leadingNames(text.slice(label[0].length));
  if (!authorClassed) return null;
  // Unlabelled, only its class says "author": a full name ("Guide", "Most Read" are not).
  const names = leadingNames(text);
  return names && names.split(', ').some((n) => n.includes(' ')) ? names : null;
}

function authorClassed(el: Element): boolean {
  for (let e: Element | null = el, i = 0; e && i < 3; e = e.parentElement, i++) {
    const cls = `${e.getAttribute('class') ?? ''} ${e.getAttribute('rel') ?? ''} ${e.getAttribute('itemprop') ?? ''}`;
    if (AUTHOR_CLASS.test(cls) && !NOT_AUTHOR.test(cls)) return true;
  }
  return false;
}

export function readPrintedByline(doc: Document, title: string): string | null {
  const head = findHeadline(doc, title);
  if (!head) return null;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 1 /* NodeFilter.SHOW_ELEMENT */);
  const past = (node: Node): Node | null => pastSubtree(walker, node);
  let seen = 0;
  // A bare label ("By" in its own element, the name in the next one, often a link).
  let labelled = false;
  let el: Node | null = past(head);
  while (el && seen < MAX_LINES) {
    const e = el as Element;
    if (/^(?:script|style|noscript|template|svg|button|nav|figure|figcaption|aside)$/.test(e.localName)) {
      el = past(e);
      continue;
    }
    walker.currentNode = e;
    const own = Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
    if (own) {
      seen++;
      const text = norm(e.textContent);
      // The story's running text has begun: a byline would have come before it.
      if (text.length > 200 && e.localName === 'p') return null;
      const bare = !`${text} `.replace(BYLINE_PREFIX, '').trim();
      // After a bare "By", the name is the next inline text (a link, a span), not the next heading.
      const inline = /^(?:a|span|strong|b|em|address)$/.test(e.localName);
      const found = bare ? null : labelled && inline ? leadingNames(text) : bylineIn(text, authorClassed(e));
      if (found) return found;
      labelled = bare;
    }
    el = walker.nextNode();
  }
  return null;
}
