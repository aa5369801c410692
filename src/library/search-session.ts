/**
 * The library page's search, as a small state machine (moved out of startLibraryPage):
 *   idle      no index and no build (nothing typed yet, or the last build failed);
 *   building  rows arrive chunk by chunk into `building`; a query is answered on what is in, and
 *             said to be partial, until the first index is complete;
 *   ready     `index` is complete for the summaries it was built from; saves from other tabs update
 *             it in place, and a rebuild (after an import or a delete) keeps answering from it until
 *             the new one is complete.
 * `stamps` say which version of each article a row came from (the cache written back must never pair
 * a new stamp with old text); `dirtyPacks` are the cache packs that no longer match what the page
 * holds, written back when the page is idle (a cache: a failed write is only retried).
 */
import type { LibraryDatabase } from '../store/database.js';
import type { ArticleSummary, SearchRecord } from '../store/record.js';
import { loadSearchRows, packOf, stampOf, writeSearchPacks } from '../store/search-cache.js';
import { SearchIndex, type SearchHit } from '../store/search-index.js';

interface Search {
  index: SearchIndex;
  stamps: Map<string, string>;
}

export interface SearchAnswer {
  /** null: nothing typed (every article matches). */
  hits: SearchHit[] | null;
  /** The answer covers only the articles whose search rows are loaded so far. */
  partial: boolean;
  /** How many articles the answer searched. */
  searched: number;
}

export interface SearchSessionOptions {
  db: LibraryDatabase;
  signal: AbortSignal;
  /** The summaries a build starts from (the page's current list). */
  summaries(): readonly ArticleSummary[];
  /** Rows arrived while no complete index exists yet: a query typed meanwhile should be answered again. */
  onProgress(): void;
  /** A (re)build completed: its answer may differ from the last one. */
  onComplete(): Promise<void> | void;
  /** A build failed (the next query starts a new one). */
  onError(e: unknown): void;
  /** Runs `f` when the page is idle (the cache write-back); default requestIdleCallback or a timer. */
  idle?(f: () => void, timeout: number): void;
  /** For tests: the cache's reader and writer. */
  load?: typeof loadSearchRows;
  write?: typeof writeSearchPacks;
}

export interface SearchSession {
  readonly state: 'idle' | 'building' | 'ready';
  /** Answers `text` (trimmed by the caller); starts a build when there is none. */
  query(text: string): SearchAnswer;
  /** Starts a build now unless one exists or ran (the page warms the search after it is listed). */
  warm(): void;
  /** The articles changed (import, delete): rebuild, if the search was started at all. */
  rebuild(): void;
  /** Saves from other tabs: rows for `ids` (undefined: deleted), with their summaries. */
  apply(
    ids: readonly string[],
    summaries: ReadonlyArray<ArticleSummary | undefined>,
    rows: ReadonlyArray<SearchRecord | undefined>,
  ): void;
  /** The current build, for tests and for callers that must wait for it. */
  readonly done: Promise<void> | null;
}

function defaultIdle(f: () => void, timeout: number): void {
  const ric = (globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void })
    .requestIdleCallback;
  if (ric) ric(f, { timeout });
  else setTimeout(f, 200);
}

export function searchSession(o: SearchSessionOptions): SearchSession {
  const load = o.load ?? loadSearchRows;
  const write = o.write ?? writeSearchPacks;
  const idle = o.idle ?? defaultIdle;
  let index: Search | null = null;
  let building: { search: Search; stop: AbortController; done: Promise<void> } | null = null;
  const dirtyPacks = new Set<number>();

  function build(): Promise<void> {
    building?.stop.abort();
    const stop = new AbortController();
    const stopped = AbortSignal.any([o.signal, stop.signal]);
    const search: Search = { index: new SearchIndex([]), stamps: new Map() };
    const from = o.summaries();
    const done = (async () => {
      const dirty = await load(o.db, from, {
        signal: stopped,
        onRows: (chunk) => {
          for (const c of chunk) search.stamps.set(c.row.id, c.stamp);
          search.index.addNew(chunk.map((c) => c.row));
          if (!index) o.onProgress();
        },
      });
      if (stopped.aborted) return;
      building = null;
      index = search;
      dirty.forEach((k) => dirtyPacks.add(k));
      await o.onComplete();
      saveCacheSoon();
    })().catch((e: unknown) => {
      // Not stuck "still loading" after a failed read: the next query starts a new build.
      if (building?.stop === stop) building = null;
      throw e;
    });
    building = { search, stop, done };
    return done;
  }

  function saveCacheSoon(): void {
    if (!dirtyPacks.size) return;
    idle(() => {
      if (!index || building || !dirtyPacks.size || o.signal.aborted) return;
      const packs = [...dirtyPacks];
      dirtyPacks.clear();
      const held = index;
      const rowsOut = (function* () {
        for (const row of held.index.rows()) {
          const stamp = held.stamps.get(row.id);
          if (stamp !== undefined) yield { row, stamp };
        }
      })();
      void write(o.db, packs, rowsOut).catch(() => packs.forEach((k) => dirtyPacks.add(k)));
    }, 2000);
  }

  return {
    get state() {
      return index ? 'ready' : building ? 'building' : 'idle';
    },
    get done() {
      return building?.done ?? null;
    },
    query(text) {
      if (!text) return { hits: null, partial: false, searched: index?.index.size ?? 0 };
      if (!index && !building) void build().catch(o.onError);
      const searching = index ?? building!.search;
      return { hits: searching.index.query(text), partial: !index, searched: searching.index.size };
    },
    warm() {
      if (!index && !building) void build().catch(o.onError);
    },
    rebuild() {
      if (index || building) void build().catch(o.onError);
    },
    apply(ids, summaries, rows) {
      // A build checked its rows against the summaries it started from: start again from these.
      if (building) return void build().catch(o.onError);
      if (!index) return;
      const held = index;
      ids.forEach((id, i) => {
        const row = rows[i];
        const summary = summaries[i];
        if (row && summary) {
          held.index.upsert(row);
          held.stamps.set(id, stampOf(summary));
        } else {
          held.index.remove(id);
          held.stamps.delete(id);
        }
        dirtyPacks.add(packOf(id));
      });
      saveCacheSoon();
    },
  };
}
