/**
 * Loads a page fixture the way the CLI does: jsdom, no page scripts, no sub-resources, a page URL.
 * Shared by the extract/detect/no-mutate tests (a helper beside its only users).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

export const PAGES = path.resolve(__dirname, '../fixtures/pages');

export function loadPage(name: string, url: string): Document {
  return parseAt(readFileSync(path.join(PAGES, name), 'utf8'), url);
}

/** A page's HTML parsed as the CLI parses it, at `url` (for pages a test builds itself). */
export function parseAt(html: string, url: string): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

/** The article's HTML as a user would see it, parsed back into a DOM for assertions. */
export function contentDom(html: string): HTMLElement {
  const doc = new JSDOM('<!DOCTYPE html><body></body>').window.document;
  const div = doc.createElement('div');
  // Test-only parse of already-sanitized output, to query it; never shown anywhere.
  div.append(JSDOM.fragment(html));
  return div;
}
