/**
 * Full-text search over titles and text, answered from memory while the user types.
 *
 * The page loads every article's term string (search-terms.ts: unique normalised terms, " a b c ")
 * once, after the list is on screen, in chunks (search-cache.ts); a query is one `includes(" " + term)` per article and
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
import { compileQuery, type TermQuery } from './search-terms.js';

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
  /** The last query and the articles (by position) that matched it. */
  private last: { q: TermQuery; docs: number[] } | null = null;

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

  /**
   * Adds articles not in the index yet (the next chunk while the page warms up). The last query's
   * answer is extended with them instead of forgotten, so typing keeps narrowing during the load:
   * only the new articles are scanned for it.
   */
  addNew(rows: Iterable<SearchRecord>): void {
    for (const r of rows) {
      if (this.position.has(r.id)) {
        this.upsert(r);
        continue;
      }
      const at = this.ids.length;
      this.position.set(r.id, at);
      this.ids.push(r.id);
      this.titles.push(r.title);
      this.texts.push(r.text);
      if (this.last?.q.matches(r.text)) this.last.docs.push(at);
    }
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  /** The rows as held (to write the search cache from). */
  *rows(): IterableIterator<SearchRecord> {
    for (const [id, at] of this.position) yield { id, title: this.titles[at]!, text: this.texts[at]! };
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
    return !!this.last && this.last.q.needles.every((old) => needles.some((n) => n.includes(old)));
  }

  /**
   * Ids of articles containing every term of `query` (prefix match), title hits first. Empty query: null
   * (no filter).
   */
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
    this.last = { q, docs };
    // Title hits first, otherwise in library order: buckets by title score, no comparator sort.
    const buckets: SearchHit[][] = [];
    for (const i of docs) {
      const titleTerms = q.count(this.titles[i]!);
      (buckets[titleTerms] ??= []).push({ id: this.ids[i]!, titleTerms });
    }
    return buckets.reverse().flatMap((b) => b ?? []);
  }
}
