/** Builds the library page's UI with DOM APIs (never HTML strings: only sanitize.ts parses HTML). */

/** The overlay's element builder: one builder for every extension page (library/ already imports overlay/). */
export { h as el } from '../overlay/dom.js';

export function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const e = doc.getElementById(id);
  if (!e) throw new Error(`library.html is missing #${id}`);
  return e as T;
}
