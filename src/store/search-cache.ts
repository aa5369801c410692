/**
 * Loading every article's search row without making the user wait for it.
 *
 * The `search` table (one row per article, written with the article in the same transaction) is
 * the truth. Reading it whole is one IndexedDB value per article: at 5,000 articles, 16 MB in
 * 5,000 structured-clone values took ~130 ms in Chromium on a quiet machine and seconds on a busy
 * one. `searchPacks` holds the same rows packed into PACKS records (~1 MB each at 5,000 articles),
 * read in ~30 ms; only the library page writes it, as a cache.
 *
 * A packed row is used only when its stamp (the article's updatedAt and byte count, which every
 * save and import changes) equals the article's current summary; anything stale, missing or
 * deleted is read from `search` (the whole table in chunks when there is no cache) and its pack
 * marked dirty for the page to rewrite. So saves,
 * imports and deletes never touch the packs, and a wrong cache can only cost time, not answers.
 *
 * Rows are handed over chunk by chunk (`onRows`), so a search typed while this runs is answered on
 * what is loaded so far.
 */
import type { LibraryDatabase } from './database.js';
import type { ArticleSummary, SearchPack, SearchRecord } from './record.js';
import { toLibraryError } from './library-error.js';

export const PACKS = 16;
const SEP = '\n';
/** Rows read from `search` per request when the cache cannot answer for them. */
const CHUNK = 250;
const PACKS_PER_READ = 4;
/** Up to this many articles the packs are read at once (all 16 read in ~30 ms in Chromium at 5,000). */
const SMALL = 2000;
/** Rows per read when walking the whole `search` table. */
const WALK = 1000;

export interface StampedRow {
  row: SearchRecord;
  /** stampOf(the summary the row belongs to) as it was when the row was read. */
  stamp: string;
}

export function stampOf(a: Pick<ArticleSummary, 'updatedAt' | 'bytes'>): string {
  return `${a.updatedAt}:${a.bytes}`;
}

/** Which pack an article's row lives in: a string hash of its id (FNV-1a), stable across sessions. */
export function packOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PACKS;
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Called with each chunk of rows, as soon as it is read. */
  onRows(rows: StampedRow[]): void;
  /** Packs per read (default: all at once for small libraries, PACKS_PER_READ for big ones). */
  packsPerRead?: number;
}

/**
 * The rows of a pack that are current (stamp equals the summary's), each id once; marks the pack dirty
 * when any is not.
 */
function usableRows(
  pack: SearchPack,
  expected: ReadonlyMap<string, string>,
  have: Set<string>,
  dirty: Set<number>,
): StampedRow[] {
  const k = pack.k;
  const titles = pack.ids.length ? pack.titles.split(SEP) : [];
  const texts = pack.ids.length ? pack.texts.split(SEP) : [];
  if (titles.length !== pack.ids.length || texts.length !== pack.ids.length) {
    dirty.add(k);
    return [];
  }
  const rows: StampedRow[] = [];
  pack.ids.forEach((id, i) => {
    const stamp = expected.get(id);
    if (stamp === undefined || stamp !== pack.stamps[i] || packOf(id) !== k || have.has(id)) {
      dirty.add(k);
      return;
    }
    have.add(id);
    rows.push({ row: { id, title: titles[i]!, text: texts[i]! }, stamp });
  });
  return rows;
}

/**
 * Reads the search row of every article in `summaries` (each once), packs first, then whatever the
 * packs could not answer from `search`. Returns the packs to rewrite.
 */
export async function loadSearchRows(
  db: LibraryDatabase,
  summaries: readonly ArticleSummary[],
  options: LoadOptions,
): Promise<Set<number>> {
  const expected = new Map(summaries.map((a) => [a.id, stampOf(a)] as const));
  const have = new Set<string>();
  const dirty = new Set<number>();
  const stopped = (): boolean => options.signal?.aborted ?? false;
  try {
    // One read of all packs is the fastest in total; a few per read answers a search typed
    // meanwhile sooner, which matters only for big libraries (each read is a transaction: ~ms).
    const perRead = options.packsPerRead ?? (summaries.length > SMALL ? PACKS_PER_READ : PACKS);
    for (let lo = 0; lo < PACKS; lo += perRead) {
      if (stopped()) return dirty;
      const packs = await db.searchPacks
        .where(':id')
        .between(lo, lo + perRead, true, false)
        .toArray();
      const rows = packs.flatMap((pack) => usableRows(pack, expected, have, dirty));
      if (rows.length) options.onRows(rows);
    }
    const missing = summaries.filter((a) => !have.has(a.id));
    for (const a of missing) dirty.add(packOf(a.id));
    if (missing.length > summaries.length / 4) {
      // No cache yet (or mostly stale): walk the whole table in key order, a getAll per chunk —
      // 5,000 single gets (bulkGet) measured 700 ms against ~150 ms for this.
      const wanted = new Map(missing.map((a) => [a.id, stampOf(a)] as const));
      let after: string | null = null;
      for (;;) {
        if (stopped()) return dirty;
        const part: SearchRecord[] = await (
          after === null ? db.search.orderBy(':id') : db.search.where(':id').above(after)
        )
          .limit(WALK)
          .toArray();
        if (!part.length) break;
        after = part[part.length - 1]!.id;
        const rows: StampedRow[] = [];
        for (const row of part) {
          const stamp = wanted.get(row.id);
          if (stamp !== undefined) rows.push({ row, stamp });
        }
        if (rows.length) options.onRows(rows);
      }
      return dirty;
    }
    // A few stale or new articles: read just those, newest first.
    for (let i = 0; i < missing.length; i += CHUNK) {
      if (stopped()) return dirty;
      const part = missing.slice(i, i + CHUNK);
      const found = await db.search.bulkGet(part.map((a) => a.id));
      const rows: StampedRow[] = [];
      part.forEach((a, j) => {
        const row = found[j];
        if (row) rows.push({ row, stamp: stampOf(a) });
      });
      if (rows.length) options.onRows(rows);
    }
    return dirty;
  } catch (e) {
    throw toLibraryError(e);
  }
}

/**
 * Rewrites the given packs from the rows the page holds (one transaction; a failure leaves the old packs,
 * which are only a cache).
 */
export async function writeSearchPacks(
  db: LibraryDatabase,
  packs: Iterable<number>,
  rows: Iterable<StampedRow>,
): Promise<void> {
  const wanted = new Set(packs);
  if (!wanted.size) return;
  const out = new Map<number, SearchPack>(
    [...wanted].map((k) => [k, { k, ids: [], stamps: [], titles: '', texts: '' }]),
  );
  const titles = new Map<number, string[]>([...wanted].map((k) => [k, []]));
  const texts = new Map<number, string[]>([...wanted].map((k) => [k, []]));
  for (const { row, stamp } of rows) {
    const k = packOf(row.id);
    const pack = out.get(k);
    if (!pack) continue;
    pack.ids.push(row.id);
    pack.stamps.push(stamp);
    titles.get(k)!.push(row.title.replaceAll(SEP, ' '));
    texts.get(k)!.push(row.text.replaceAll(SEP, ' '));
  }
  for (const pack of out.values()) {
    pack.titles = titles.get(pack.k)!.join(SEP);
    pack.texts = texts.get(pack.k)!.join(SEP);
  }
  try {
    await db.searchPacks.bulkPut([...out.values()]);
  } catch (e) {
    throw toLibraryError(e);
  }
}
