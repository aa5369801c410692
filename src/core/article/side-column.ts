/**
 * The side column of a table-laid page (issue #20, L3S-GN1's 2008 pages): when Readability picks the
 * layout table whose row holds the story in one cell and the site's column beside it (job search,
 * video promos, "Business Resources" teasers, the sections menu), the whole row comes back and the
 * column is read as the end of the story.
 *
 * A row of the article is a layout row when one of its cells holds the story: most of the article's
 * text and 500 characters or more of text outside links. Each other cell of that row goes when it is
 * a column of the site's links: three links or more, and its text outside links under half of
 * the story cell's. A cell with a captioned photo stays (the story's picture laid beside it), and so
 * does a cell of prose (a block of 150 characters or more outside links). Data tables never qualify:
 * none of their cells holds the story.
 *
 * Cost: one querySelectorAll('tr') over the article; the cells of the rows are measured once each.
 */
import { collapsedLength } from '../text/whitespace.js';
import { linkTextLength } from '../page/text-length.js';
import type { Removal } from '../types.js';

/** The story's cell: at least this much text outside links, and this share of the article's text. */
const MIN_STORY = 500;
const STORY_SHARE = 0.6;
/** A side column: its text outside links under this share of the story cell's. */
const SIDE_SHARE = 0.5;
const MIN_LINKS = 3;
/** A block of prose: this much text outside links in one block. */
const PROSE = 150;

interface Cell {
  el: Element;
  text: number;
  plain: number;
}

function measure(el: Element): Cell {
  const text = collapsedLength(el.textContent ?? '');
  return { el, text, plain: Math.max(0, text - linkTextLength(el)) };
}

/** A block of the cell with PROSE characters or more outside links (the cell's own paragraphs). */
function holdsProse(cell: Element): boolean {
  for (const b of Array.from(cell.querySelectorAll('p, div, td, li, font, span'))) {
    if (b.querySelector('p, div, td, li')) continue;
    const text = collapsedLength(b.textContent ?? '');
    if (text >= PROSE && text - linkTextLength(b) >= PROSE) return true;
  }
  return false;
}

/** A photo with its caption: an image followed by caption-named text. */
function holdsCaptionedPhoto(cell: Element): boolean {
  return !!cell.querySelector(
    'figure img, img + [class*="caption" i], img + [class*="cutline" i], img + [class*="credit" i], figcaption',
  );
}

/** Removes the site's side column from a layout row that also holds the story (in place). */
export function removeSideColumn(article: Element, removed?: Removal[]): void {
  const rows = article.querySelectorAll('tr');
  if (!rows.length) return;
  const total = collapsedLength(article.textContent ?? '');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!article.contains(row)) continue; // inside a side column removed already
    const cells = Array.from(row.children).filter((c) => c.localName === 'td' || c.localName === 'th');
    if (cells.length < 2) continue;
    const measured = cells.map(measure);
    const story = measured.reduce((a, b) => (b.plain > a.plain ? b : a));
    if (story.plain < MIN_STORY || story.text < STORY_SHARE * total) continue;
    for (const c of measured) {
      if (c === story || c.text === 0) continue;
      if (c.plain >= SIDE_SHARE * story.plain) continue;
      if (c.el.querySelectorAll('a').length < MIN_LINKS) continue;
      if (holdsProse(c.el) || holdsCaptionedPhoto(c.el)) continue;
      removed?.push({ kind: 'side-column', text: c.el.textContent ?? '' });
      c.el.remove();
    }
  }
}
