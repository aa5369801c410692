/** Plain Readability and FastReadability on the same page, as extract() runs the latter. */
import { parsePage } from '../../bench/lib/parse-page.mjs';
import { Readability } from '@mozilla/readability';
import { FastReadability } from '../../src/core/article/readability-fast.js';
import { cloneDocument } from '../../src/core/page/clone-document.js';

export const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

export const parseTestPage = (html: string): Document => parsePage(html, READABILITY_TEST_URL).window.document;

/** [plain Readability's parse(), FastReadability's parse()] on the same page. */
export function both(html: string): [unknown, unknown] {
  const doc = parseTestPage(html);
  const plain = new Readability(doc.cloneNode(true) as Document).parse();
  // As extract() runs it: on cloneDocument's copy (style text left out), starting over from the page.
  const fast = new FastReadability(cloneDocument(doc, READABILITY_TEST_URL), { source: doc }).parse();
  return [plain, fast];
}
