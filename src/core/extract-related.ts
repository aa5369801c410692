/**
 * extract's second phase (issue #24): the related stage over the page read of the first
 * (extract.ts: extractArticle). A module of its own, apart from the article stage, so that the
 * content script's second part carries the related stage without Readability and DOMPurify.
 */
import type { RelatedHeadline } from './types.js';
import type { PhasedExtraction } from './extract.js';
import { findRelated } from './related/index.js';

/** The related headlines, put in `x.result.related` (once) and returned. Never throws. */
export function addRelated(x: PhasedExtraction): readonly RelatedHeadline[] {
  const input = x.relatedInput;
  if (!input) return x.result.related;
  x.relatedInput = null;
  const t = performance.now();
  try {
    x.result.related = findRelated(input.page, input.context);
  } catch {
    // The article is on screen already: a failure of the related stage costs only the headlines.
  }
  const timings = x.result.timings;
  if (timings) {
    timings.related = performance.now() - t;
    timings.total = (timings.total ?? 0) + timings.related;
  }
  return x.result.related;
}
