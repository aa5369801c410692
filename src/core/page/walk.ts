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
