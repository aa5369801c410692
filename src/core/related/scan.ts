/**
 * One walk over the document's elements that gathers everything the related-headlines step reads:
 * links, heading-like elements and the few meta values it needs (the JSON-LD is the page read's). Selector queries
 * with attribute substrings (`[class*=title i]`) and live-collection indexing are slow in jsdom
 * (tens of milliseconds on a news page); a plain child walk is ~2 ms per thousand elements and
 * costs the same in every DOM. Also small bounded walks for a card's subtree.
 */
import { RELATED_HEADING } from '../text/lexicon/headings.js';
import { READ_ALSO } from '../text/lexicon/read-also.js';

export interface Scan {
  anchors: Element[];
  headings: Element[];
  /** meta[name|property|itemprop] → content, first wins. */
  meta: Map<string, string>;
  /** The first <time datetime> value on the page. */
  firstDatetime: string | null;
}

const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'legend']);
const HEADING_CLASS = /title|heading|header/i;
const LABEL_TAGS = new Set(['p', 'div', 'span', 'strong', 'b', 'dt']);
const SKIP = new Set(['svg', 'noscript', 'template', 'style', 'iframe', 'video', 'audio', 'canvas', 'math', 'select']);

export function scanDocument(doc: Document): Scan {
  const scan: Scan = { anchors: [], headings: [], meta: new Map(), firstDatetime: null };
  const root = doc.documentElement;
  if (!root) return scan;
  // role="heading" is rare: one native query finds it instead of reading every element's role.
  const roleHeadings = new Set<Element>();
  const roles = doc.querySelectorAll('[role]');
  for (let i = 0; i < roles.length; i++) if (roles[i]!.getAttribute('role') === 'heading') roleHeadings.add(roles[i]!);
  const stack: Element[] = [root];
  // Parallel to `stack`: the element is its parent's first element child (known when pushing it).
  const first: boolean[] = [false];
  while (stack.length) {
    const el = stack.pop()!;
    const isFirst = first.pop()!;
    const tag = el.localName;
    if (tag === 'a') {
      if (el.hasAttribute('href')) scan.anchors.push(el);
    } else if (tag === 'script') {
      continue;
    } else if (tag === 'meta') {
      const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      const content = el.getAttribute('content');
      if (key && content && !scan.meta.has(key.toLowerCase())) scan.meta.set(key.toLowerCase(), content.trim());
      continue;
    } else if (tag === 'time') {
      scan.firstDatetime ??= el.getAttribute('datetime');
    } else if (SKIP.has(tag)) {
      continue;
    }
    const last = el.lastElementChild;
    // className is the class attribute and cheaper to read, except on SVG elements (an object).
    const cls = el.className;
    if (
      HEADING_TAGS.has(tag) ||
      roleHeadings.has(el) ||
      HEADING_CLASS.test(typeof cls === 'string' ? cls : (el.getAttribute('class') ?? ''))
    )
      scan.headings.push(el);
    else if (isFirst && !last && LABEL_TAGS.has(tag)) {
      // An unclassed label opening a box (<p class="w_t">Más información</p>) heads it when it says so.
      const text = (el.textContent ?? '').trim();
      if (text.length <= 40 && (RELATED_HEADING.test(text) || READ_ALSO.test(`${text}:`))) scan.headings.push(el);
    }
    if (last) {
      // Push children in reverse so they pop in document order (anchors stay in page order).
      for (let c: Element | null = last; c; c = c.previousElementSibling) {
        stack.push(c);
        first.push(false);
      }
      first[first.length - 1] = true;
    }
  }
  return scan;
}

/** Elements of a subtree in document order, at most `limit` of them (cards are small; a runaway card is cut off). */
export function subtree(el: Element, limit = 200): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [];
  for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length && out.length < limit) {
    const e = stack.pop()!;
    out.push(e);
    for (let c = e.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}
