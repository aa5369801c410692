/**
 * npm run bench:store-choice — issue #25's question, measured: the library's store in Dexie (what the
 * project ships: src/store, with PouchDB only as the replication mirror) or PouchDB itself as the store.
 * One process, one run, both stores on the same backend: fake-indexeddb (a JS IndexedDB; Node, so an
 * APPROXIMATION: slower than a browser's IndexedDB at writes, no IPC — compare the two stores, do not
 * read these as user numbers). PouchDB runs on its `idb` adapter (the one the extension's mirror uses,
 * src/sync/browser-pouch.ts) over fake-indexeddb.
 *
 * Articles: bench/lib/synthetic-articles.mjs (as bench:library: ~700 words, 40 sites), 1,000 then
 * 5,000 (--sizes). Per size and store:
 *   save    one more article (median of the last 20 saves of the fill). Dexie: the project's
 *           saveArticle (fill one by one). PouchDB: the same records (toRecords) as three documents,
 *           `a:<id>` summary, `b:<id>` body, `s:<id>` search row (+ its `words`, for Mango), in one
 *           bulkDocs (the fill before the timed saves in bulkDocs of 100 articles, to keep the run short).
 *   open    one article by id with its body (median of 20). Dexie: getFullArticle. PouchDB: get a: + b:.
 *   list    every summary, newest first (median of 3). Dexie: listArticles. PouchDB: allDocs over a:.
 *   search  one word, cold: every search row read from the store, then answered (median over 5 words).
 *           Dexie: the project's path (allSearchRows → SearchIndex → query). PouchDB, two ways:
 *             scan   allDocs over s: (include_docs) → the same SearchIndex → query;
 *             mango  pouchdb-find (7.3.1, as express-pouchdb has it), a json index on `words`,
 *                    selector {words: {$elemMatch: {$gte: w, $lt: w + '\ufff0'}}}
 *                    (a prefix match, as the project's search: "ceasefire" finds "ceasefires")
 *                    (the index is brought up to date by the first find after saves: timed apart).
 *           Once loaded, a keystroke is answered from memory by SearchIndex whichever the store.
 * Flags: --sizes 1000,5000.
 */
import { loadavg } from 'node:os';
import { importBundled } from './lib/node-bundle.mjs';
import { makeArticle, savedAt } from './lib/synthetic-articles.mjs';

const args = process.argv.slice(2);
const i = args.indexOf('--sizes');
const SIZES = (i >= 0 ? args[i + 1] : '1000,5000').split(',').map(Number);
const WORDS = ['tripoli', 'ceasefire', 'kamiro', 'drought', 'haftar'];
const TIMED = 20;

const store = await importBundled(
  `
      export { openLibrary } from './src/store/database.ts';
      export { saveArticle } from './src/store/save-article.ts';
      export { listArticles, getFullArticle, allSearchRows } from './src/store/read-articles.ts';
      export { SearchIndex } from './src/store/search-index.ts';
      export { toRecords } from './src/store/article-record.ts';`,
  'bench-store-choice.mjs',
);

// pouchdb-adapter-idb's blob check reads navigator.userAgent, which Node 20 lacks.
globalThis.navigator ??= { userAgent: 'node' };
const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
globalThis.indexedDB = new IDBFactory();
globalThis.IDBKeyRange = IDBKeyRange;
const { default: PouchDB } = await import('pouchdb-core');
PouchDB.plugin((await import('pouchdb-adapter-idb')).default).plugin((await import('pouchdb-find')).default);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (f) => {
  const t = performance.now();
  const out = await f();
  return [performance.now() - t, out];
};
/** Article n, the same for both stores (the generator is one seeded sequence: generate each once). */
const made = new Map();
const article = (n) => {
  const hit = made.get(n);
  if (hit) {
    made.delete(n);
    return hit;
  }
  const a = makeArticle(n);
  made.set(n, a);
  return a;
};
const idOf = (n) => `bench-${n}`;
const meta = (n) => ({
  id: idOf(n),
  savedAt: savedAt(n),
  updatedAt: savedAt(n),
  read: 0,
  versions: 0,
  images: { mode: 'store', stored: 0, skipped: 0, bytes: 0 },
});
/** Ids to open: spread over the library, the same for both stores. */
const openIds = (size) => Array.from({ length: 20 }, (_, k) => idOf(Math.floor(((k + 0.5) * size) / 20)));

// ---------- Dexie: the project's store ----------
const dexie = await store.openLibrary({ name: 'bench-dexie', indexedDB: globalThis.indexedDB, IDBKeyRange });
const dexieStore = {
  name: 'Dexie (shipped)',
  save: (n) => store.saveArticle(dexie, { article: article(n), now: savedAt(n), newId: () => idOf(n) }),
  fill: async (from, to) => {
    for (let n = from; n < to; n++) await dexieStore.save(n);
  },
  open: (id) => store.getFullArticle(dexie, id),
  list: () => store.listArticles(dexie),
  search: {
    'search (project path)': async (w) => new store.SearchIndex(await store.allSearchRows(dexie)).query(w),
  },
};

// ---------- PouchDB as the store ----------
const pouch = new PouchDB('bench-pouch', { adapter: 'idb' });
const pouchDocs = (n) => {
  const { record, body, search } = store.toRecords(article(n), meta(n));
  return [
    { ...record, _id: `a:${record.id}` },
    { ...body, _id: `b:${body.id}` },
    { ...search, _id: `s:${search.id}`, words: search.text.trim().split(' ') },
  ];
};
const prefix = (p) => ({ startkey: p, endkey: `${p}\ufff0`, include_docs: true });
const checked = (results) => {
  const bad = results.find((r) => r.error);
  if (bad) throw new Error(`pouch save: ${bad.error} ${bad.reason ?? ''}`);
};
const pouchStore = {
  name: 'PouchDB as store',
  save: async (n) => checked(await pouch.bulkDocs(pouchDocs(n))),
  fill: async (from, to) => {
    for (let n = from; n < to; n += 100) {
      const docs = [];
      for (let k = n; k < Math.min(n + 100, to); k++) docs.push(...pouchDocs(k));
      checked(await pouch.bulkDocs(docs));
    }
  },
  open: async (id) => {
    const [record, body] = await Promise.all([pouch.get(`a:${id}`), pouch.get(`b:${id}`)]);
    return { record, body };
  },
  list: async () => (await pouch.allDocs(prefix('a:'))).rows.map((r) => r.doc).sort((a, b) => b.savedAt - a.savedAt),
  search: {
    'search (allDocs scan)': async (w) =>
      new store.SearchIndex((await pouch.allDocs(prefix('s:'))).rows.map((r) => r.doc)).query(w),
    'search (mango find)': async (w) =>
      (await pouch.find({ selector: { words: { $elemMatch: { $gte: w, $lt: `${w}\ufff0` } } }, fields: ['_id'] })).docs,
  },
};

// ---------- run ----------
const rows = [];
const hits = {};
let have = 0;
const mangoIndexMs = {};
for (const size of SIZES) {
  const fillTo = size - TIMED;
  for (const s of [dexieStore, pouchStore]) await s.fill(have, fillTo);
  const saves = { [dexieStore.name]: [], [pouchStore.name]: [] };
  for (let n = fillTo; n < size; n++) {
    // Turn about, so both stores see the same machine load.
    for (const s of [dexieStore, pouchStore]) saves[s.name].push((await time(() => s.save(n)))[0]);
  }
  have = size;
  // pouchdb-find updates its index on the next find, not on save: that catch-up, timed apart.
  if (size === SIZES[0]) await pouch.createIndex({ index: { fields: ['words'] } });
  [mangoIndexMs[size]] = await time(() => pouchStore.search['search (mango find)']('tripoli'));
  const put = (op, name, ms) => rows.push({ op, size, store: name, ms });
  for (const s of [dexieStore, pouchStore]) {
    put('save', s.name, median(saves[s.name]));
    const opens = [];
    for (const id of openIds(size)) opens.push((await time(() => s.open(id)))[0]);
    put('open', s.name, median(opens));
    const lists = [];
    for (let r = 0; r < 3; r++) {
      const [ms, all] = await time(() => s.list());
      if (all.length !== size) throw new Error(`${s.name} lists ${all.length} of ${size}`);
      lists.push(ms);
    }
    put('list', s.name, median(lists));
    for (const [op, search] of Object.entries(s.search)) {
      const ms = [];
      for (const w of WORDS) {
        const [t, found] = await time(() => search(w));
        (hits[`${size} ${w}`] ??= new Set()).add(found.length);
        ms.push(t);
      }
      put(op, s.name, median(ms));
    }
  }
}
// The same words must find the same articles in every way.
for (const [k, counts] of Object.entries(hits))
  if (counts.size !== 1) throw new Error(`hits differ: ${k} ${[...counts]}`);

const fmt = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
console.log(`Node + fake-indexeddb (approximation), ms, medians; load average ${loadavg()[0].toFixed(1)}`);
for (const [size, ms] of Object.entries(mangoIndexMs))
  console.log(`mango index build / catch-up (first find), up to ${size} articles: ${fmt(ms)} ms`);
console.log('| operation | articles | Dexie (shipped) | PouchDB as store | PouchDB / Dexie |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const size of SIZES) {
  const at = (op, name) => rows.find((r) => r.op === op && r.size === size && r.store === name)?.ms;
  for (const [op, dOp] of [
    ['save', 'save'],
    ['open', 'open'],
    ['list', 'list'],
    ['search (allDocs scan)', 'search (project path)'],
    ['search (mango find)', 'search (project path)'],
  ]) {
    const d = at(dOp, dexieStore.name);
    const p = at(op, pouchStore.name);
    const label =
      op === 'search (allDocs scan)' || op === 'search (mango find)' ? `search, PouchDB ${op.slice(8, -1)}` : op;
    console.log(`| ${label} | ${size} | ${fmt(d)} | ${fmt(p)} | ${(p / d).toFixed(1)}× |`);
  }
}
dexie.close();
await pouch.destroy();
