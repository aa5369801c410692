/**
 * Full-text search over titles and text, answered from memory while the user types.
 *
 * Why in memory and not an IndexedDB multiEntry index: a multiEntry `*terms` index costs ~500
 * index entries per article on every save and answers a prefix query with one range scan per term
 * plus an intersection across IPC; the term strings of 5,000 articles are ~15 MB, load once in a few
 * hundred ms (lazily, after the list is on screen) and a scan of all of them takes a few ms
 * (bench/library.bench.mjs measures both). The index is a cache: the `search` table is the truth.
 */
import type { SearchRecord } from './record.js';
import { compileQuery } from './search-terms.js';

export interface SearchHit {
  id: string;
  /** Query terms found in the title (hits with more rank first). */
  titleTerms: number;
}

export class SearchIndex {
  private readonly rows = new Map<string, SearchRecord>();

  constructor(rows: Iterable<SearchRecord> = []) {
    for (const r of rows) this.rows.set(r.id, r);
  }

  get size(): number {
    return this.rows.size;
  }

  upsert(row: SearchRecord): void {
    this.rows.set(row.id, row);
  }

  remove(id: string): void {
    this.rows.delete(id);
  }

  /** Ids of articles containing every term of `query` (prefix match), title hits first. Empty query: null (no filter). */
  query(query: string): SearchHit[] | null {
    const q = compileQuery(query);
    if (!q.terms.length) return null;
    const hits: SearchHit[] = [];
    for (const row of this.rows.values()) {
      if (q.matches(row.text)) hits.push({ id: row.id, titleTerms: q.count(row.title) });
    }
    // Stable sort: within the same title score the caller's order (by id insertion) is kept.
    return hits.sort((a, b) => b.titleTerms - a.titleTerms);
  }
}
