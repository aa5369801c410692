/**
 * Full-text search over titles and text, answered from memory while the user types.
 *
 * The page loads every article's term string (search-terms.ts: unique normalised terms, " a b c ")
 * once, lazily, after the list is on screen; a query is one `includes(" " + term)` per article and
 * typed term (a prefix match: "liby" finds "libya"). Typing narrows: when the new query contains
 * what the last one asked for (each old needle inside a new one — "tri" → "trip", "haftar" →
 * "haftar of"), only the last query's hits are scanned, so after the first letters a keystroke
 * touches a handful of articles.
 *
 * Measured alternatives (bench/library.bench.mjs, 5,000 articles of ~600 unique terms):
 *  - an in-memory inverted index (sorted vocabulary + postings) answered in ~1 ms but took 10–12 s
 *    to build on this loaded 2-core machine (3 M postings): the user would wait for it;
 *  - an IndexedDB multiEntry `*terms` index writes ~600 index entries per article on every save and
 *    turns each keystroke into range scans plus an intersection across IPC.
 * The scan has no build step and costs tens of ms at worst on the first letter; the `search` table
 * stays the truth and the page rebuilds this cache after changes.
 */
import type { SearchRecord } from './record.js';
import { compileQuery } from './search-terms.js';

export interface SearchHit {
  id: string;
  /** Query terms found in the title (hits with more rank first). */
  titleTerms: number;
}

export class SearchIndex {
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly texts: string[] = [];
  private readonly position = new Map<string, number>();
  /** The last query's needles and the articles (by position) that matched them. */
  private last: { needles: string[]; docs: number[] } | null = null;

  constructor(rows: Iterable<SearchRecord>) {
    for (const r of rows) this.upsert(r);
  }

  /** Adds or replaces one article (a save arriving while the page is open). */
  upsert(r: SearchRecord): void {
    const at = this.position.get(r.id);
    this.last = null;
    if (at === undefined) {
      this.position.set(r.id, this.ids.length);
      this.ids.push(r.id);
      this.titles.push(r.title);
      this.texts.push(r.text);
    } else {
      this.titles[at] = r.title;
      this.texts[at] = r.text;
    }
  }

  /** Forgets one article: its slot stays, matching nothing (positions of the others must not move). */
  remove(id: string): void {
    const at = this.position.get(id);
    if (at === undefined) return;
    this.last = null;
    this.position.delete(id);
    this.titles[at] = ' ';
    this.texts[at] = ' ';
  }

  get size(): number {
    return this.position.size;
  }

  /** Can the new query only match articles the last one matched? */
  private narrows(needles: readonly string[]): boolean {
    return !!this.last && this.last.needles.every((old) => needles.some((n) => n.includes(old)));
  }

  /** Ids of articles containing every term of `query` (prefix match), title hits first. Empty query: null (no filter). */
  query(query: string): SearchHit[] | null {
    const q = compileQuery(query);
    if (!q.terms.length) {
      this.last = null;
      return null;
    }
    const candidates = this.narrows(q.needles) ? this.last!.docs : null;
    const docs: number[] = [];
    const n = candidates ? candidates.length : this.texts.length;
    for (let k = 0; k < n; k++) {
      const i = candidates ? candidates[k]! : k;
      if (q.matches(this.texts[i]!)) docs.push(i);
    }
    this.last = { needles: q.needles, docs };
    // Title hits first, otherwise in library order: buckets by title score, no comparator sort.
    const buckets: SearchHit[][] = [];
    for (const i of docs) {
      const titleTerms = q.count(this.titles[i]!);
      (buckets[titleTerms] ??= []).push({ id: this.ids[i]!, titleTerms });
    }
    return buckets.reverse().flatMap((b) => b ?? []);
  }
}
