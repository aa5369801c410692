/**
 * The search cache (search-cache.ts) and the index it fills chunk by chunk. The contract: whatever
 * state the packs are in (none, stale, holding deleted articles, forged), the rows loaded are
 * exactly the `search` table's rows for the listed articles, each once, and a search over them —
 * or over a partly loaded index while the user types — answers what a fresh full search answers.
 */
import { describe, expect, it } from 'vitest';
import { makeArticle, openFresh } from './store-fixtures.js';
import type { LibraryDatabase } from '../../src/store/database.js';
import { allSearchRows, listArticles, newestArticles } from '../../src/store/read-articles.js';
import { saveArticle } from '../../src/store/save-article.js';
import { deleteArticles } from '../../src/store/edit-articles.js';
import {
  loadSearchRows,
  packOf,
  PACKS,
  stampOf,
  writeSearchPacks,
  type StampedRow,
} from '../../src/store/search-cache.js';
import { SearchIndex } from '../../src/store/search-index.js';

const WORDS = [
  'tripoli',
  'tripartite',
  'haftar',
  'hafiz',
  'offensive',
  'office',
  'libya',
  'liberia',
  'ankara',
  'ceasefire',
];

async function library(n: number): Promise<LibraryDatabase> {
  const db = await openFresh();
  for (let i = 0; i < n; i++) {
    const picked = WORDS.filter((_, k) => (i >> (k % 5)) & 1 || (i + k) % 7 === 0);
    const text = `Story ${i} ${picked.join(' ')}`;
    await saveArticle(db, {
      article: makeArticle({
        url: `https://example.com/${i}`,
        canonicalUrl: null,
        title: `${picked.slice(0, 2).join(' ')} ${i}`,
        textContent: text,
        content: `<p>${text}</p>`,
      }),
      now: 1000 + i,
    });
  }
  return db;
}

async function load(
  db: LibraryDatabase,
  packsPerRead?: number,
): Promise<{ rows: StampedRow[]; dirty: Set<number>; chunks: number }> {
  const rows: StampedRow[] = [];
  let chunks = 0;
  const dirty = await loadSearchRows(db, await listArticles(db), {
    onRows: (r) => {
      rows.push(...r);
      chunks++;
    },
    ...(packsPerRead ? { packsPerRead } : {}),
  });
  return { rows, dirty, chunks };
}

const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('search cache', () => {
  it('with no cache, every row comes from the search table (walked in chunks), stamped, and every pack in use is to be written', async () => {
    const db = await library(40);
    const { rows, dirty } = await load(db);
    const list = await listArticles(db);
    expect(byId(rows.map((r) => r.row))).toEqual(byId(await allSearchRows(db)));
    expect(new Map(rows.map((r) => [r.row.id, r.stamp]))).toEqual(new Map(list.map((a) => [a.id, stampOf(a)])));
    expect(dirty).toEqual(new Set(list.map((a) => packOf(a.id))));
  });

  it('after a write-back, rows come from the packs; stale, deleted and new articles are read from the table and their packs marked', async () => {
    const db = await library(60);
    const first = await load(db);
    await writeSearchPacks(db, first.dirty, first.rows);
    expect(await db.searchPacks.count()).toBe(first.dirty.size);
    const warm = await load(db);
    expect(warm.dirty.size).toBe(0);
    expect(warm.chunks).toBe(1);
    expect(byId(warm.rows.map((r) => r.row))).toEqual(byId(await allSearchRows(db)));
    // read a few packs at a time (as for big libraries): the same rows, in more chunks
    const chunked = await load(db, 4);
    expect(chunked.chunks).toBeGreaterThan(1);
    expect(byId(chunked.rows.map((r) => r.row))).toEqual(byId(await allSearchRows(db)));

    // change the library behind the cache's back, as the background and imports do
    const list = await listArticles(db);
    const changed = list[5]!;
    const gone = list[9]!;
    await saveArticle(db, {
      article: makeArticle({
        url: changed.url,
        canonicalUrl: null,
        title: changed.title,
        textContent: 'now about Misrata',
        content: '<p>now about Misrata</p>',
      }),
      now: 99_999,
    });
    await deleteArticles(db, [gone.id]);
    const added = await saveArticle(db, {
      article: makeArticle({
        url: 'https://example.com/new',
        canonicalUrl: null,
        title: 'Fresh',
        textContent: 'Sirte',
        content: '<p>Sirte</p>',
      }),
      now: 100_000,
    });

    const after = await load(db);
    const ids = after.rows.map((r) => r.row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byId(after.rows.map((r) => r.row))).toEqual(byId(await allSearchRows(db)));
    expect(after.dirty).toEqual(new Set([packOf(changed.id), packOf(gone.id), packOf(added.id)]));
    const idx = new SearchIndex(after.rows.map((r) => r.row));
    expect(idx.query('misrata')!.map((h) => h.id)).toEqual([changed.id]);
    expect(idx.query('sirte')!.map((h) => h.id)).toEqual([added.id]);
  });

  it('a pack whose stamps do not match (forged or from another version) is not trusted', async () => {
    const db = await library(20);
    const first = await load(db);
    // pretend every article was cached at another version, with text that says "zebra"
    await writeSearchPacks(
      db,
      first.dirty,
      first.rows.map((r) => ({ stamp: 'x', row: { ...r.row, text: ' zebra ' } })),
    );
    const { rows, dirty } = await load(db);
    expect(new SearchIndex(rows.map((r) => r.row)).query('zebra')).toEqual([]);
    expect(byId(rows.map((r) => r.row))).toEqual(byId(await allSearchRows(db)));
    expect(dirty).toEqual(first.dirty);
  });

  it('packs are a stable hash of the id', () => {
    expect(packOf('bench-1')).toBe(packOf('bench-1'));
    const spread = new Set(Array.from({ length: 200 }, (_, i) => packOf(`id-${i}`)));
    expect(spread.size).toBe(PACKS);
  });

  it('the first screenful is the newest articles and the count, without reading the rest', async () => {
    const db = await library(30);
    const { rows, total } = await newestArticles(db, 10);
    expect(total).toBe(30);
    expect(rows.map((r) => r.id)).toEqual((await listArticles(db)).slice(0, 10).map((a) => a.id));
  });
});

describe('searching while the index loads', () => {
  it('typing while chunks arrive answers, once all are in, exactly what a fresh full search answers', async () => {
    const db = await library(80);
    const all = await allSearchRows(db);
    const growing = new SearchIndex([]);
    const typed = [
      't',
      'tr',
      'tri',
      'trip',
      'tripo',
      'tripoli',
      'tripoli h',
      'tripoli haf',
      'tripoli hafi',
      'tripoli haf',
      'of',
      'off',
    ];
    typed.forEach((q, k) => {
      // a chunk of rows arrives between keystrokes
      growing.addNew(all.slice(k * 8, k * 8 + 8));
      const partial = growing.query(q);
      const loaded = new SearchIndex(all.slice(0, k * 8 + 8)).query(q);
      expect(partial, `partial answer to "${q}"`).toEqual(loaded);
      // a chunk arriving after the keystroke extends the last answer in place
      growing.addNew(all.slice(k * 8 + 8, k * 8 + 10));
    });
    growing.addNew(all);
    for (const q of ['tripoli', 'tripoli haf', 'haf', 'of', 'lib', 'ankara ceasefire']) {
      expect(growing.query(q), `query "${q}"`).toEqual(new SearchIndex(all).query(q));
    }
  });
});
