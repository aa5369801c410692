/**
 * cloneDocument(doc, url): the copy Readability may destroy (extract() never mutates the page).
 *
 * `doc.cloneNode(true)` is the fast path. jsdom (the CLI) refuses to clone a document whose doctype
 * name is not a valid XML name (`<!doctype 1>`, `<!doctype <!doctype html>` — seen in hand-edited and
 * fuzzed pages; browsers accept them): it throws InvalidCharacterError. Then the <html> element is
 * imported into a fresh document without the doctype, with a <base> so that Readability still
 * resolves relative links and images against the page URL.
 */
export function cloneDocument(doc: Document, url: string): Document {
  try {
    return doc.cloneNode(true) as Document;
  } catch {
    const copy = doc.implementation.createHTMLDocument('');
    copy.replaceChild(copy.importNode(doc.documentElement, true), copy.documentElement);
    const base = copy.createElement('base');
    base.setAttribute('href', url);
    (copy.head ?? copy.documentElement).prepend(base);
    return copy;
  }
}
