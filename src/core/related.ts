/**
 * Related headlines. Placeholder contract, filled in by issue #4.
 */
import type { RelatedHeadline } from './types.js';

export interface RelatedContext {
  url: string;
  canonicalUrl: string | null;
  now: Date;
  lang: string | null;
  /** The article, for ranking by relevance. */
  title: string;
  text: string;
}

/** Collects, cleans, dedupes and ranks related headlines from the live document without mutating it. */
export function findRelated(_doc: Document, _ctx: RelatedContext): RelatedHeadline[] {
  return [];
}
