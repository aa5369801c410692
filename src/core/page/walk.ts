import { collapse } from '../text/whitespace.js';

/**
 * The element after `node`'s subtree in document order, for a TreeWalker over elements: how the
 * stages that read the page from the printed headline onwards (the standfirst, the printed byline)
 * step over a block they have judged without entering it.
 */
export function pastSubtree(walker: TreeWalker, node: Node): Node | null {
  walker.currentNode = node;
  let next = walker.nextSibling();
  while (!next && walker.parentNode()) next = walker.nextSibling();
  return next;
}

/**
 * The first `length` characters of the first text under `root` that is at least that long, white
 * space collapsed: the story's opening words, by which a stage finds where the article starts in the
 * live page. Null when no text is that long.
 */
export function openingWords(root: Element, length: number): string | null {
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = collapse(n.nodeValue ?? '');
    if (t.length >= length) return t.slice(0, length);
  }
  return null;
}

/** The heading elements, h1 to h6. */
export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Is `node` white space only, or a comment: nothing a reader sees between two elements? */
export function isBlank(node: Node): boolean {
  return node.nodeType === 8 || (node.nodeType === 3 && !/\S/.test(node.nodeValue ?? ''));
}

/**
 * The elements under `scope` the page marks as its dateline (`itemprop="dateline"`, class `dateline`):
 * one selector for the dateline stage, which reads a place from them, and the byline, which keeps
 * such a place out of the authors.
 */
export function markedDatelines(scope: ParentNode): NodeListOf<Element> {
  return scope.querySelectorAll('[itemprop~="dateline"], .dateline');
}

/**
 * Does `el` hold an element whose tag is in `tags` (`el.querySelector('p, div, …')` for a list of tag
 * names)? One walk that stops at the first: jsdom matches each selector of a list over the whole
 * subtree, which on a page's wrapper took seconds.
 */
export function holdsTag(el: Element, tags: ReadonlySet<string>): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (tags.has((n as Element).localName)) return true;
  return false;
}
