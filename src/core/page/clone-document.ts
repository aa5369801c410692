/**
 * cloneDocument(doc, url): the copy Readability may destroy (extract() never mutates the page).
 *
 * The copy is built as `doc.cloneNode(false)` (an empty document with the page's URL, mode and
 * content type) plus the page's nodes imported into it, with the text of every `<style>` element
 * left out. A style element that is connected to a document has its CSS parsed into a style
 * sheet, even in a document nothing renders; `doc.cloneNode(true)` does that for every style
 * element of the page, and on news pages, which inline hundreds of kilobytes of CSS, it was more
 * than half of the clone's cost (Chromium, 40 corpus pages: clone 10.9 s, this copy 4.4 s).
 * Readability removes every `<style>` before it reads anything (its `_prepDocument`), and never
 * reads style text before that: the elements stay, empty, so the tree it walks is the same.
 * Importing (owner set once) rather than cloning and appending (which adopts every node again)
 * matters as much.
 *
 * jsdom (the CLI) refuses to clone a document whose doctype name is not a valid XML name
 * (`<!doctype 1>`, `<!doctype <!doctype html>` — seen in hand-edited and fuzzed pages; browsers
 * accept them): it throws InvalidCharacterError. Then the <html> element is imported into a fresh
 * document without the doctype, with a <base> so that Readability still resolves relative links
 * and images against the page URL.
 */
export function cloneDocument(doc: Document, url: string): Document {
  try {
    const copy = doc.cloneNode(false) as Document;
    for (let n = doc.firstChild; n; n = n.nextSibling) copy.appendChild(importWithoutStyleText(copy, n));
    return copy;
  } catch {
    const copy = doc.implementation.createHTMLDocument('');
    copy.replaceChild(importWithoutStyleText(copy, doc.documentElement), copy.documentElement);
    const base = copy.createElement('base');
    base.setAttribute('href', url);
    (copy.head ?? copy.documentElement).prepend(base);
    return copy;
  }
}

/**
 * A deep copy of `node` owned by `into`, not yet connected, with every `<style>` element (HTML or
 * SVG) emptied: inserting it then parses no CSS. For documents that Readability prepares, which
 * drops all style elements anyway (see above).
 */
export function importWithoutStyleText<T extends Node>(into: Document, node: T): T {
  const copy = into.importNode(node, true);
  if (copy.nodeType === 1) {
    // A static list: emptying a style changes the tree, and a live collection would be read again
    // from the start at the next step (quadratic in jsdom and in browsers).
    const styles = (copy as unknown as Element).querySelectorAll('style');
    for (let i = 0; i < styles.length; i++) styles[i]!.textContent = '';
    if ((copy as unknown as Element).localName === 'style') copy.textContent = '';
  }
  return copy;
}
