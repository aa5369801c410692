/**
 * The dateline: when and where the story was filed. Placeholder contract, filled in by issue #3.
 */
import type { Dateline } from './types.js';

export interface DatelineContext {
  /** Absolute page URL. */
  url: string;
  now: Date;
  /** Page language (BCP 47) when known. */
  lang: string | null;
  /** The reader's locale and time zone, for `text`. */
  locale?: string;
  timeZone?: string;
}

/** Reads published/modified/place/agency from the live document without mutating it. */
export function findDateline(_doc: Document, _ctx: DatelineContext): Dateline {
  return { published: null, modified: null, precision: null, place: null, agency: null, text: '', source: null };
}

/**
 * Lifts a wire dateline ("WASHINGTON (AP) —") off the start of the article's first paragraph,
 * in place (on the extraction's own copy), so the opening sentence reads cleanly.
 */
export function liftWireDateline(_article: Element): { place: string | null; agency: string | null } | null {
  return null;
}
