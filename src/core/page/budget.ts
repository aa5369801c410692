/**
 * Can this document be read at all? Empty, frameset and non-HTML documents are refused, and so is a
 * page over the budgets: extraction is synchronous in the page, so a page over them gets the
 * "too large" notice instead of a frozen tab (issue #9: 5 MB or 100,000 elements, no freeze over
 * 1 s). Measured in Chromium by bench:browser (busy 2-core machine): 100,000 elements took 41 s
 * and 5 MB of text 36 s to open, ordinary pages 0.1–0.3 s; the corpora's largest page has 4,287
 * elements. Checked before any real work, so a huge page is refused quickly.
 */
import type { ExtractOptions, ExtractResult } from '../types.js';
import { deeperThan } from './tree-depth.js';
import { textLength } from './text-length.js';

export const DEFAULT_MAX_ELEMENTS = 50_000;
export const DEFAULT_MAX_CHARS = 3_000_000;
export const DEFAULT_MAX_DEPTH = 200;

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export type Refusal = NonNullable<ExtractResult['error']>;
type Budgets = Pick<ExtractOptions, 'maxElements' | 'maxDepth' | 'maxChars'>;

/** Why a document cannot be read at all, or null when it can. */
export function refusal(doc: Document, options: Budgets): Refusal | null {
  const root = doc.documentElement;
  if (!root) return { code: 'empty', message: 'This page is empty: there is nothing to read.' };
  if (root.namespaceURI !== XHTML_NS) {
    return {
      code: 'not-html',
      message: `This is not a web page (it is a <${root.localName}> document), so there is no article to read.`,
    };
  }
  const body = doc.body;
  if (body && body.localName === 'frameset') {
    return {
      code: 'no-article',
      message: 'This page is made of frames; open the frame with the article on its own to read it.',
    };
  }
  if (!body || (!body.firstElementChild && !(body.textContent ?? '').trim())) {
    return { code: 'empty', message: 'This page is empty: there is nothing to read.' };
  }
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const elements = doc.getElementsByTagName('*').length;
  if (elements > maxElements) {
    return {
      code: 'too-large',
      message:
        `This page is too large to clean: it has ${elements.toLocaleString('en')} elements ` +
        `(the limit is ${maxElements.toLocaleString('en')}).`,
    };
  }
  // Nesting a page script built (tree-depth.ts: Readability's cost grows faster than the depth).
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (deeperThan(root, maxDepth)) {
    return {
      code: 'too-large',
      message: `This page is too large to clean: its elements are nested more than ${maxDepth} levels deep.`,
    };
  }
  // The text is a lower bound of the serialized size, and far cheaper to measure than serializing.
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const chars = textLength(root);
  if (chars > maxChars) {
    return {
      code: 'too-large',
      message:
        `This page is too large to clean: it has ${(chars / 1e6).toFixed(1)} million characters of text ` +
        `(the limit is ${(maxChars / 1e6).toFixed(1)} million).`,
    };
  }
  return null;
}
