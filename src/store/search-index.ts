/**
 * Full-text search over titles and text, answered from memory while the user types.
 *
 * An inverted index built lazily from the `search` table (after the list is on screen): a sorted
 * vocabulary with, per term, the articles containing it. A typed term is a prefix ("liby" finds
 * "libya"): one binary search finds the vocabulary range, its postings are marked in a bitmap, and
 * the bitmaps of several typed terms are intersected. The cost is the vocabulary range plus its
 * postings, not the size of the library's text; scanning 5,000 articles' term strings took 30–110 ms
 * per keystroke on a loaded 2-core machine, this takes a few (bench/library.bench.mjs).
 * In scripts written without spaces a typed term can start mid-word, so it is matched against the
 * whole vocabulary instead (still no scan of the text).
 *
 * Why not an IndexedDB multiEntry `*terms` index: ~500 index entries written per article on every
 * save, and a prefix query becomes one range scan per term plus an intersection across IPC. The
 * index here is a cache: the `search` table is the truth, and the page rebuilds it after changes.
 */
import type { SearchRecord } from './record.js';
import { compileQuery, NO_SPACES } from './search-terms.js';

export interface SearchHit {
  id: string;
  /** Query terms found in the title (hits with more rank first). */
  titleTerms: number;
}

/** First index in the sorted `xs` whose value is >= `x`. */
function lowerBound(xs: readonly string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SearchIndex {
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly vocab: string[];
  private readonly postings: Int32Array[];

  constructor(rows: Iterable<SearchRecord>) {
    const map = new Map<string, number[]>();
    for (const r of rows) {
      const doc = this.ids.length;
      this.ids.push(r.id);
      this.titles.push(r.title);
      for (const term of r.text.split(' ')) {
        if (!term) continue;
        const p = map.get(term);
        if (p) p.push(doc);
        else map.set(term, [doc]);
      }
    }
    // Plain sort compares UTF-16 code units, the same order as `<` in lowerBound.
    this.vocab = [...map.keys()].sort();
    this.postings = this.vocab.map((t) => Int32Array.from(map.get(t)!));
  }

  get size(): number {
    return this.ids.length;
  }

  /** A bitmap (one byte per article) of the articles with a term matching `term`. */
  private matching(term: string): Uint8Array {
    const marks = new Uint8Array(this.ids.length);
    const mark = (i: number): void => {
      for (const doc of this.postings[i]!) marks[doc] = 1;
    };
    if (NO_SPACES.test(term)) {
      for (let i = 0; i < this.vocab.length; i++) if (this.vocab[i]!.includes(term)) mark(i);
    } else {
      for (let i = lowerBound(this.vocab, term); i < this.vocab.length && this.vocab[i]!.startsWith(term); i++) mark(i);
    }
    return marks;
  }

  /** Ids of articles containing every term of `query` (prefix match), title hits first. Empty query: null (no filter). */
  query(query: string): SearchHit[] | null {
    const q = compileQuery(query);
    if (!q.terms.length) return null;
    let acc: Uint8Array | null = null;
    for (const term of q.terms) {
      const m = this.matching(term);
      if (acc) for (let i = 0; i < acc.length; i++) acc[i]! &= m[i]!;
      else acc = m;
    }
    const hits: SearchHit[] = [];
    for (let i = 0; i < acc!.length; i++) if (acc![i]) hits.push({ id: this.ids[i]!, titleTerms: q.count(this.titles[i]!) });
    // Stable sort: within the same title score the library's order is kept.
    return hits.sort((a, b) => b.titleTerms - a.titleTerms);
  }
}
