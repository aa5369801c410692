/**
 * A wrong container (issue #20): Readability scores blocks by the length and commas of their text,
 * so a page whose story is shorter than some other block of prose gets that block instead — a
 * registration pop-up's terms and conditions (hidden by the site's CSS, which Readability cannot
 * see), or the next or a sponsored article of an infinite-scroll page. Plain Readability returns the
 * same wrong text (news-extraction: F1 0.00 and 0.02 on such pages).
 *
 * The page's own headline tells: the story follows it. When the block Readability picked starts
 * after the headline, with a story's run of paragraphs (3+ siblings, 500+ characters) between the
 * two that the pick leaves out, the pick is another block of the page (the captions of a carousel
 * between headline and story are paragraphs too, but one per slide, not a run); the part of the
 * page that holds it (up to where it meets the headline's side) is set aside and Readability runs
 * again. An article split in two halves of
 * one template (two sibling containers of the same class, an ad between them), of which Readability
 * read the longer, second one: the halves are joined into one and Readability runs again.
 * Read-only on the live page; the caller changes its own copy.
 */
import { hasNonSpace } from '../text/whitespace.js';

const SHOW_TEXT = 4;
/** Node.DOCUMENT_POSITION_FOLLOWING (the core names no DOM globals). */
const FOLLOWING = 4;
/** Characters of the pick's first text used to find it on the page. */
const KEY_LENGTH = 40;
/** Sibling paragraphs between the headline and the pick that make it a stray: at least these many, this long. */
const MIN_PARAGRAPHS = 3;
const MIN_PARAGRAPH_CHARS = 80;
const MIN_BETWEEN_CHARS = 500;

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The first text of the pick long enough to be found again on the page (normalized), or null. */
function openingText(picked: Element): string | null {
  const walker = picked.ownerDocument.createTreeWalker(picked, SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const data = (t as Text).data;
    if (data.length < KEY_LENGTH || !hasNonSpace(data)) continue;
    const text = norm(data);
    if (text.length >= KEY_LENGTH) return text.slice(0, KEY_LENGTH);
  }
  return null;
}

/** The one text node of `root` that holds `key`; null when none or several do (an ambiguous anchor). */
function soleTextWith(root: Element, key: string): Text | null {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  let found: Text | null = null;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const data = (t as Text).data;
    if (data.length < KEY_LENGTH || !norm(data).includes(key)) continue;
    if (found) return null;
    found = t as Text;
  }
  return found;
}

/** The paragraphs of running text after `headline` and before `anchor` in document order. */
function paragraphsBetween(headline: Element, anchor: Node): Element[] {
  const out: Element[] = [];
  for (const p of Array.from(headline.ownerDocument.getElementsByTagName('p'))) {
    const after = headline.compareDocumentPosition(p) & FOLLOWING;
    if (!after || headline.contains(p)) continue;
    if (!(p.compareDocumentPosition(anchor) & FOLLOWING) || p.contains(anchor)) break;
    if (norm(p.textContent ?? '').length >= MIN_PARAGRAPH_CHARS) out.push(p);
  }
  return out;
}

/**
 * The longest run of sibling paragraphs (one parent) among these, when it is a story's: three or
 * more, 500+ characters. Captions under a carousel's pictures are paragraphs too, one per slide.
 */
function storyRun(paragraphs: Element[]): Element[] | null {
  const byParent = new Map<Node | null, Element[]>();
  for (const p of paragraphs) byParent.set(p.parentNode, [...(byParent.get(p.parentNode) ?? []), p]);
  let best: Element[] | null = null;
  let bestChars = 0;
  for (const run of byParent.values()) {
    const chars = run.reduce((n, p) => n + norm(p.textContent ?? '').length, 0);
    if (run.length >= MIN_PARAGRAPHS && chars >= MIN_BETWEEN_CHARS && chars > bestChars)
      [best, bestChars] = [run, chars];
  }
  return best;
}

/** The child of `ancestor` that holds `node`. */
function childHolding(ancestor: Node, node: Node): Element | null {
  let n: Node | null = node;
  while (n && n.parentNode !== ancestor) n = n.parentNode;
  return n && n.nodeType === 1 ? (n as Element) : null;
}

export interface StrayPick {
  /** The part of the live page that holds the pick. */
  block: Element;
  /**
   * The first half of a split article body: an earlier sibling of `block` made from the same
   * template (tag and class, no id), the paragraphs between in it. Null: the pick is another block
   * of the page than the story, to be left out of the next run.
   */
  twin: Element | null;
  /** The opening of the longest paragraph skipped: the next run's article must hold it. */
  skipped: string;
}

/** The longest of these paragraphs. */
function longest(paragraphs: Element[]): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const p of paragraphs) {
    const n = norm(p.textContent ?? '').length;
    if (n > bestLength) [best, bestLength] = [p, n];
  }
  return best;
}

/** An earlier sibling of `block` of the same template (tag and class, neither with an id) holding a paragraph. */
function twinOf(block: Element, paragraphs: Element[]): Element | null {
  if (block.id) return null;
  for (let s = block.previousElementSibling; s; s = s.previousElementSibling) {
    if (
      s.localName === block.localName &&
      s.className === block.className &&
      !s.id &&
      paragraphs.some((p) => s.contains(p))
    )
      return s;
  }
  return null;
}

/**
 * Is Readability's `picked` element (in its copy of `doc`) not the story under `headline`, or only
 * its second half? Returns the live page's block that holds it (and the first half), or null.
 */
export function findStrayPick(doc: Document, headline: Element, picked: Element): StrayPick | null {
  const body = doc.body;
  const key = openingText(picked);
  if (!body || !key || !body.contains(headline)) return null;
  const anchor = soleTextWith(body, key);
  if (!anchor || !(headline.compareDocumentPosition(anchor) & FOLLOWING)) return null;
  const between = storyRun(paragraphsBetween(headline, anchor));
  if (!between) return null;
  let meet: Node | null = headline.parentNode;
  while (meet && !meet.contains(anchor)) meet = meet.parentNode;
  if (!meet) return null;
  const block = childHolding(meet, anchor);
  if (!block || block === body || block === doc.documentElement) return null;
  // Two halves of one article body: the same template element twice, an ad or a pull quote between.
  const twin = twinOf(block, between);
  const skipped = longest(twin ? between.filter((p) => twin.contains(p)) : between);
  return skipped && { block, twin, skipped: norm(skipped.textContent ?? '').slice(0, KEY_LENGTH) };
}

/** The element at the same place in `copy` (a structural copy of `node`'s document), or null. */
export function counterpart(node: Node, copy: Document): Node | null {
  const path: number[] = [];
  for (let n: Node = node; n.parentNode; n = n.parentNode) {
    let i = 0;
    for (let s = n.previousSibling; s; s = s.previousSibling) i++;
    path.push(i);
  }
  let at: Node | null = copy;
  for (let k = path.length - 1; k >= 0 && at; k--) at = at.childNodes[path[k]!] ?? null;
  return at;
}
