/**
 * Search terms: the same normalisation for what is stored and what is typed, so "Türkiye",
 * "TURKIYE" and "turkiye" find each other. Lower case, compatibility-decomposed, combining marks
 * dropped, split on anything that is not a letter or digit.
 *
 * Stored form: unique terms joined by spaces with a space at both ends (" us urges haftar "), so a
 * prefix query is one `includes(" " + term)` per article — no tokeniser state, no index to keep
 * consistent with the records it describes.
 */

const TERM = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
/** Scripts written without spaces between words: a query matches anywhere inside a run. */
const NO_SPACE_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Lao', 'Khmer', 'Myanmar'];
const NO_SPACES = new RegExp(`[${NO_SPACE_SCRIPTS.map((s) => String.raw`\p{Script=${s}}`).join('')}]`, 'u');

export function normalize(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** Terms in order of first appearance, each once. */
export function terms(text: string): string[] {
  return [...new Set(normalize(text).match(TERM) ?? [])];
}

/** The stored form of a list of texts. */
export function termString(...texts: Array<string | null | undefined>): string {
  const all = new Set<string>();
  for (const t of texts) if (t) for (const term of terms(t)) all.add(term);
  return all.size ? ` ${[...all].join(' ')} ` : ' ';
}

/** A compiled query: a function that says whether a stored term string matches every typed term. */
export interface TermQuery {
  terms: string[];
  /** What is looked for in a stored term string: " term" (or the bare term in scripts without spaces). */
  needles: string[];
  matches(stored: string): boolean;
  /** How many query terms match (for ranking title hits first). */
  count(stored: string): number;
}

export function compileQuery(query: string): TermQuery {
  const qs = terms(query);
  // Every typed term is a prefix ("liby" finds "libya"); in scripts without spaces, an infix.
  const needles = qs.map((t) => (NO_SPACES.test(t) ? t : ` ${t}`));
  return {
    terms: qs,
    needles,
    matches: (stored) => needles.every((n) => stored.includes(n)),
    count: (stored) => needles.reduce((n, needle) => n + (stored.includes(needle) ? 1 : 0), 0),
  };
}
